package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reference solution of exercise {@code RecvFrom}. */
public final class RecvFrom {
    private RecvFrom() {
    }

    /** One datagram received: its text and who sent it. */
    public record Datagram(String text, InetSocketAddress sender) {
    }

    /**
     * Waits up to {@code timeout} for one datagram, keeping at most {@code maxBytes} of it.
     *
     * @throws java.net.SocketTimeoutException if none arrives in time
     * @throws IOException                     if receiving fails
     */
    public static Datagram recvFrom(DatagramSocket socket, int maxBytes, Duration timeout) throws IOException {
        // toMillis, not getSeconds: 200 ms in whole seconds is 0, and 0 means "wait forever".
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        // A buffer of maxBytes: the system drops whatever of the datagram does not fit.
        DatagramPacket packet = new DatagramPacket(new byte[maxBytes], maxBytes);
        socket.receive(packet);
        String text = new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
        return new Datagram(text, (InetSocketAddress) packet.getSocketAddress());
    }
}
