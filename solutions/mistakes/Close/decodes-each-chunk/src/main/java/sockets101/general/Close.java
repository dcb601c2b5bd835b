package sockets101.general;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: decoding each chunk as it is read. A read may end in the middle of a
 * multi-byte character ("ñ" is 2 bytes, "€" 3, an emoji 4); both halves then decode to
 * U+FFFD, and a long reply comes back with replacement characters sprinkled through it.
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
            socket.shutdownOutput();
            StringBuilder reply = new StringBuilder();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return reply.toString();
        }
    }
}
