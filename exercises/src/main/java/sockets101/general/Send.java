package sockets101.general;

import java.io.IOException;
import java.net.Socket;

/**
 * Exercise {@code Send} — lesson 06, section "send".
 *
 * <p>Python's {@code s.send(data)} hands bytes to TCP, which delivers a <em>stream</em>: it keeps
 * the order of the bytes but not where one message ends. To send messages the receiver can tell
 * apart, put a length in front of each one ("framing"). In Java you write to
 * {@link Socket#getOutputStream()}.
 */
public final class Send {
    private Send() {
    }

    /**
     * Sends {@code text} as one frame over {@code socket}.
     *
     * <ul>
     *   <li>The frame is the length of the text's UTF-8 bytes as a 4-byte big-endian {@code int},
     *       followed by those bytes. The length counts <em>bytes</em>, not characters:
     *       {@code "ñ"} is one character but two bytes.</li>
     *   <li>An empty text is a frame of length 0 with no bytes after it.</li>
     *   <li>Flush before returning: the whole frame must be on its way when this method ends.</li>
     *   <li>Leave the socket open: the caller may send more frames on it, and closing a stream
     *       obtained from a socket closes the socket.</li>
     * </ul>
     *
     * @param socket a connected socket; not closed by this method
     * @param text   the message, any length
     * @throws IOException if writing fails
     */
    public static void send(Socket socket, String text) throws IOException {
        throw new UnsupportedOperationException("TODO Send.send: lessons 06-general § send");
    }
}
