package sockets101.general;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: one {@code read(body)} for the text, as if it always filled the buffer. It
 * returns what has arrived so far: a frame that comes in pieces, or one larger than the socket
 * buffer, comes back cut short (here, padded with zero bytes).
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
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame length " + length + " is outside 0.." + MAX_FRAME);
        }
        byte[] body = new byte[length];
        if (length > 0 && in.read(body) < 0) {
            throw new EOFException("end of stream inside a frame");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
