package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: {@code new Socket(host, port)} and no {@code setSoTimeout}. That constructor
 * connects with no time limit (the system's own, minutes on Linux), and a read without
 * {@code SO_TIMEOUT} waits forever: a server that accepts and says nothing hangs the client.
 */
public final class Close {
    private Close() {
    }

    public static String request(InetSocketAddress server, String request, Duration timeout) throws IOException {
        try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
