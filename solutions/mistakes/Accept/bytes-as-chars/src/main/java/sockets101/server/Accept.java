package sockets101.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.UnaryOperator;

/**
 * Known mistake: {@code DataInputStream.readLine()} and {@code DataOutputStream.writeBytes()}, as in
 * old tutorials. Both treat one byte as one character (ISO-8859-1): "ñ" arrives as "Ã±", and "€"
 * or an emoji leave as a single wrong byte each. Plain ASCII hides the bug.
 */
public final class Accept {
    private Accept() {
    }

    @SuppressWarnings("deprecation")
    public static Thread serve(ServerSocket server, UnaryOperator<String> handler) {
        Thread loop = new Thread(() -> {
            while (true) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return;
                }
                new Thread(() -> {
                    try (client;
                         DataInputStream in = new DataInputStream(client.getInputStream());
                         DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            out.writeBytes(handler.apply(line) + "\n");
                            out.flush();
                        }
                    } catch (IOException e) {
                        // client gone
                    }
                }).start();
            }
        });
        loop.start();
        return loop;
    }
}
