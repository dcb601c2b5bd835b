package sockets101.general;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: the stream in try-with-resources, as one does with files. Closing the stream
 * of a socket closes the socket, so the first frame arrives and the second send fails with
 * "Socket is closed".
 */
public final class Send {
    private Send() {
    }

    public static void send(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }
}
