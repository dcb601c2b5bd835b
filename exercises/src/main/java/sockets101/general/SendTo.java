package sockets101.general;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/**
 * Exercise {@code SendTo} — lesson 06, section "sendto".
 *
 * <p>Python's {@code s.sendto(data, (host, port))} sends one UDP datagram to an address, with
 * no connection. In Java you put the bytes and the address in a {@link java.net.DatagramPacket}
 * and call {@link DatagramSocket#send}.
 */
public final class SendTo {
    private SendTo() {
    }

    /**
     * Sends {@code text} as one datagram of its UTF-8 bytes to {@code target}.
     *
     * <ul>
     *   <li>Exactly one datagram per call, holding the whole text; return how many bytes it
     *       carries (bytes, not characters: {@code "ñ"} is two bytes).</li>
     *   <li>If the text takes more than 65,507 bytes in UTF-8 (the largest UDP payload over
     *       IPv4: 65,535 minus the 8-byte UDP header and the 20-byte IP header), throw
     *       {@link IllegalArgumentException} and send nothing. Count bytes, not characters.</li>
     *   <li>If {@code target} is unresolved ({@link InetSocketAddress#isUnresolved()}), throw
     *       {@link IllegalArgumentException} and send nothing.</li>
     * </ul>
     *
     * @param socket an open datagram socket; not closed by this method
     * @param text   the message
     * @param target the receiver's address and port
     * @return the number of bytes sent
     * @throws IllegalArgumentException if the text is too long or the target unresolved
     * @throws IOException              if sending fails
     */
    public static int sendTo(DatagramSocket socket, String text, InetSocketAddress target) throws IOException {
        throw new UnsupportedOperationException("TODO SendTo.sendTo: lessons 06-general § sendto");
    }
}
