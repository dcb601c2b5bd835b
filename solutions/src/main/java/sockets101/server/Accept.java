package sockets101.server;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** Reference solution of exercise {@code Accept}. */
public final class Accept {
    private Accept() {
    }

    /**
     * Starts the accept loop on a background thread, one thread per client, and returns it.
     *
     * @param server  the listening socket; closing it ends the loop
     * @param handler the reply to each line
     * @return the started accept-loop thread
     */
    public static Thread serve(ServerSocket server, UnaryOperator<String> handler) {
        Thread loop = new Thread(() -> acceptLoop(server, handler), "accept-" + server.getLocalPort());
        // A server nobody stopped must not keep the JVM alive on its own.
        loop.setDaemon(true);
        loop.start();
        return loop;
    }

    private static void acceptLoop(ServerSocket server, UnaryOperator<String> handler) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // accept() throws once the server is closed: that is the signal to stop.
                // Any other failure also ends the loop rather than spinning on a broken socket.
                return;
            }
            Thread worker = new Thread(() -> serveClient(client, handler), "client-" + client.getRemoteSocketAddress());
            worker.setDaemon(true);
            worker.start();
        }
    }

    private static void serveClient(Socket client, UnaryOperator<String> handler) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new BufferedWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(handler.apply(line) + "\n");
                // The client waits for this reply before it sends the next line.
                out.flush();
            }
        } catch (IOException e) {
            // The client went away (reset, closed): nothing is left to answer.
        }
    }
}
