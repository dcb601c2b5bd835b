package sockets101.general;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reference solution of exercise {@code Send}. */
public final class Send {
    private Send() {
    }

    /**
     * Sends {@code text} as one frame: the 4-byte big-endian length of its UTF-8 bytes, then the bytes.
     *
     * @param socket a connected socket, left open
     * @param text   the message
     * @throws IOException if writing fails
     */
    public static void send(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Not closed on purpose: closing a socket's stream closes the socket.
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }
}
