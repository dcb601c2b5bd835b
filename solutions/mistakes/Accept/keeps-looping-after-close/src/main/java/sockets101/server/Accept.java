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
 * Known mistake: "a server must never stop", so every exception from {@code accept()} is caught
 * and the loop goes on. Once the {@code ServerSocket} is closed, {@code accept()} throws at once,
 * every time: the thread never ends and spins, burning a CPU, for as long as the program lives.
 */
public final class Accept {
    private Accept() {
    }

    public static Thread serve(ServerSocket server, UnaryOperator<String> handler) {
        Thread loop = new Thread(() -> {
            while (true) {
                try {
                    Socket client = server.accept();
                    new Thread(() -> answer(client, handler)).start();
                } catch (IOException e) {
                    // keep serving, whatever happens
                }
            }
        });
        loop.setDaemon(true);
        loop.start();
        return loop;
    }

    private static void answer(Socket client, UnaryOperator<String> handler) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(handler.apply(line) + "\n");
                out.flush();
            }
        } catch (IOException e) {
            // client gone
        }
    }
}
