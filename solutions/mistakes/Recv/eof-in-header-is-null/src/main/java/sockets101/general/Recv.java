package sockets101.general;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: {@code readInt()} wrapped in {@code catch (EOFException) return null}.
 * {@code readInt} throws the same exception whether the stream ended before the header or
 * after 2 of its 4 bytes, so a frame cut in the middle passes for a clean end of data.
 */
public final class Recv {
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private Recv() {
    }

    public static String recv(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame length " + length + " is outside 0.." + MAX_FRAME);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
