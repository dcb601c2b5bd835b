package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: ending the request with {@code out.close()}, as one ends a file. Closing the
 * stream of a socket closes the whole socket, so reading the reply fails with "Socket is
 * closed"; {@code shutdownOutput()} closes only the sending side.
 */
public final class Close {
    private Close() {
    }

    public static String request(InetSocketAddress server, String request, Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(server, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.close();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
