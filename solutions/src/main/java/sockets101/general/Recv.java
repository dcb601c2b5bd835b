package sockets101.general;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reference solution of exercise {@code Recv}. */
public final class Recv {
    /** The largest frame accepted: 16 MiB. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private Recv() {
    }

    /**
     * Reads one frame written by {@link Send#send}.
     *
     * @param socket a connected socket, left open
     * @return the frame's text, or {@code null} if the peer closed before a frame began
     * @throws java.io.EOFException if the stream ends inside a frame
     * @throws IOException          if the length is out of range, or reading fails
     */
    public static String recv(Socket socket) throws IOException {
        // No BufferedInputStream: it would read ahead into the next frame and lose it.
        InputStream raw = socket.getInputStream();
        int first = raw.read();
        if (first < 0) {
            return null;
        }
        DataInputStream in = new DataInputStream(raw);
        // readFully loops over short reads and throws EOFException if the stream ends first.
        byte[] rest = new byte[3];
        in.readFully(rest);
        int length = first << 24 | (rest[0] & 0xFF) << 16 | (rest[1] & 0xFF) << 8 | rest[2] & 0xFF;
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame length " + length + " is outside 0.." + MAX_FRAME);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
