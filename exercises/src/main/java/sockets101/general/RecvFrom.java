package sockets101.general;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code RecvFrom} — lesson 06, section "recvfrom".
 *
 * <p>Python's {@code s.recvfrom(n)} returns one UDP datagram (at most {@code n} bytes of it)
 * and the address that sent it. In Java you receive into a {@link java.net.DatagramPacket},
 * which then knows how many bytes arrived and where from.
 */
public final class RecvFrom {
    private RecvFrom() {
    }

    /** One datagram received: its text and who sent it. */
    public record Datagram(String text, InetSocketAddress sender) {
    }

    /**
     * Waits for one datagram on {@code socket} and returns its text and sender.
     *
     * <ul>
     *   <li>Decode as UTF-8 only the bytes that arrived ({@link java.net.DatagramPacket#getLength()}),
     *       not the whole buffer: a 4-byte datagram in a 1,024-byte buffer is 4 bytes of text.</li>
     *   <li>A datagram longer than {@code maxBytes} is cut to its first {@code maxBytes} bytes
     *       (UDP drops the rest).</li>
     *   <li>The sender is the address and port the datagram came from.</li>
     *   <li>Wait at most {@code timeout}: if nothing arrives by then, throw
     *       {@link java.net.SocketTimeoutException}. Mind the units: {@code 200 ms} is not
     *       {@code 0 s}, and a socket timeout of 0 means "wait forever".</li>
     * </ul>
     *
     * @param socket   a bound datagram socket; not closed by this method
     * @param maxBytes the most bytes to keep of the datagram, at least 1
     * @param timeout  how long to wait, above zero
     * @return the datagram's text and sender
     * @throws java.net.SocketTimeoutException if no datagram arrives within {@code timeout}
     * @throws IOException                     if receiving fails
     */
    public static Datagram recvFrom(DatagramSocket socket, int maxBytes, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO RecvFrom.recvFrom: lessons 06-general § recvfrom");
    }
}
