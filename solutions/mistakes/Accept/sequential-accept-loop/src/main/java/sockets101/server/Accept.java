package sockets101.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Known mistake: serving each client on the accept loop's own thread. While one client is
 * connected, nobody calls {@code accept()}: a client that connects and says nothing keeps
 * every other client waiting, for as long as it likes.
 */
public final class Accept {
    private Accept() {
    }

    public static Thread serve(ServerSocket server, UnaryOperator<String> handler) {
        Thread loop = new Thread(() -> {
            while (true) {
                try (Socket client = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                     Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        out.write(handler.apply(line) + "\n");
                        out.flush();
                    }
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
        return loop;
    }
}
