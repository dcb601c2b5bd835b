package sockets101.general;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: trusting the length header. {@code new byte[length]} with a length the peer
 * chose throws {@link NegativeArraySizeException} for -1, {@link OutOfMemoryError} for
 * 2,147,483,647, and for a merely large one reserves the memory and then waits for bytes that
 * never come: one bad (or hostile) header takes the receiver down.
 */
public final class Recv {
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private Recv() {
    }

    public static String recv(Socket socket) throws IOException {
        InputStream raw = socket.getInputStream();
        int first = raw.read();
        if (first < 0) {
            return null;
        }
        DataInputStream in = new DataInputStream(raw);
        byte[] rest = new byte[3];
        in.readFully(rest);
        int length = first << 24 | (rest[0] & 0xFF) << 16 | (rest[1] & 0xFF) << 8 | rest[2] & 0xFF;
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new EOFException("end of stream inside a frame");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
