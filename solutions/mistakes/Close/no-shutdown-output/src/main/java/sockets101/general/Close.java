package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: no {@code shutdownOutput()}. The request is sent and flushed, but nothing
 * tells the server it is complete: the server waits for more of the request, the client waits
 * for the reply, and both sit there until a timeout.
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
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
