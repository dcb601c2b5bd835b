package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reference solution of exercise {@code Close}. */
public final class Close {
    private Close() {
    }

    /**
     * Connects, sends {@code request}, half-closes, reads the reply to the end and closes.
     *
     * @throws java.net.SocketTimeoutException if connecting or a read takes longer than {@code timeout}
     * @throws IOException                     if connecting, sending or receiving fails
     */
    public static String request(InetSocketAddress server, String request, Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        // try-with-resources: the socket is closed on every path, a timeout included.
        try (Socket socket = new Socket()) {
            socket.connect(server, millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Not out.close(): that would close the socket before the reply. This sends only FIN.
            socket.shutdownOutput();
            // All the bytes first, then decode: a character may be split between two reads.
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
