package sockets101.general;

import java.io.IOException;
import java.net.Socket;

/**
 * Exercise {@code Recv} — lesson 06, section "recv".
 *
 * <p>Python's {@code s.recv(n)} returns <em>up to</em> {@code n} bytes: whatever has arrived,
 * maybe less. Java's {@code InputStream.read(buffer)} does the same. To read a whole message
 * you must loop until you have as many bytes as you need.
 */
public final class Recv {
    /** The largest frame accepted: 16 MiB. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private Recv() {
    }

    /**
     * Reads one frame from {@code socket}, as {@link Send#send} writes it: a 4-byte big-endian
     * length, then that many bytes of UTF-8 text.
     *
     * <ul>
     *   <li>The bytes may arrive in pieces of any size: a single {@code read()} may return only
     *       part of the length or of the text. Keep reading until you have them all.</li>
     *   <li>Read no further than the end of this frame: the next frame belongs to the next call.</li>
     *   <li>If the peer closed the connection before the frame began, return {@code null}.</li>
     *   <li>If the stream ends in the middle of a frame (inside the length or inside the text),
     *       throw {@link java.io.EOFException}.</li>
     *   <li>If the length is negative or greater than {@link #MAX_FRAME}, throw an
     *       {@link IOException} at once, <em>before</em> allocating anything for the text.</li>
     *   <li>Decode exactly the bytes of the frame as UTF-8.</li>
     *   <li>Leave the socket open.</li>
     * </ul>
     *
     * @param socket a connected socket; not closed by this method
     * @return the text of the frame, or {@code null} if the peer closed before a frame began
     * @throws java.io.EOFException if the stream ends inside a frame
     * @throws IOException          if the length is out of range, or reading fails
     */
    public static String recv(Socket socket) throws IOException {
        throw new UnsupportedOperationException("TODO Recv.recv: lessons 06-general § recv");
    }
}
