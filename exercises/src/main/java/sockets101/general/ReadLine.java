package sockets101.general;

import java.io.IOException;
import java.net.Socket;

/**
 * Exercise {@code ReadLine} — lesson 06, section "bounded-line".
 *
 * <p>Line framing ({@code BufferedReader.readLine}) has no limit: a peer that never sends
 * {@code \n} makes the reader keep everything it sends. A server must bound every line it reads,
 * as {@link Recv} bounds every frame.
 */
public final class ReadLine {
    private ReadLine() {
    }

    /**
     * Reads one line of UTF-8 text from {@code socket}: the bytes up to the next {@code \n}.
     *
     * <ul>
     *   <li>Return the line without its ending: {@code \n}, or {@code \r\n}.</li>
     *   <li>A line longer than {@code maxBytes} bytes (its ending not counted) is refused with an
     *       {@link IOException} as soon as byte {@code maxBytes + 1} arrives: do not wait for the
     *       rest, and never keep more than about {@code maxBytes} bytes.</li>
     *   <li>Read no further than the end of this line: the next line belongs to the next call.</li>
     *   <li>If the peer closed before the line began, return {@code null}; if it closed after
     *       some bytes but before a {@code \n}, return those bytes as the last line.</li>
     *   <li>Decode the line's bytes as UTF-8 (a character may arrive in pieces).</li>
     *   <li>Leave the socket open.</li>
     * </ul>
     *
     * @param socket   a connected socket; not closed by this method
     * @param maxBytes the most bytes a line may have, not counting its ending; at least 1
     * @return the line, or {@code null} if the peer closed before it began
     * @throws IllegalArgumentException if {@code maxBytes} is below 1
     * @throws IOException              if the line is too long, or reading fails
     */
    public static String readLine(Socket socket, int maxBytes) throws IOException {
        throw new UnsupportedOperationException("TODO ReadLine.readLine: lessons 06-general § bounded-line");
    }
}
