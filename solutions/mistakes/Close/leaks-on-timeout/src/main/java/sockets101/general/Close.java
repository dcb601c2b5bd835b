package sockets101.general;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: {@code close()} as the last statement instead of try-with-resources. On the
 * happy path the socket is closed; when a read times out the exception jumps over
 * {@code close()}, and the connection stays open until the garbage collector happens by.
 */
public final class Close {
    private Close() {
    }

    public static String request(InetSocketAddress server, String request, Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        Socket socket = new Socket();
        socket.connect(server, millis);
        socket.setSoTimeout(millis);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.shutdownOutput();
        String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        socket.close();
        return reply;
    }
}
