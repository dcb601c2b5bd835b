package sockets101.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Known mistake: a {@link PrintWriter} without autoflush, and no {@code flush()}. The replies sit
 * in the writer's buffer until the connection closes, while the client waits for the first one
 * before it sends the next line: both wait for ever. It only looks right when the client sends
 * everything and closes first.
 */
public final class Accept {
    private Accept() {
    }

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
                         BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                         PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            out.print(handler.apply(line) + "\n");
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
