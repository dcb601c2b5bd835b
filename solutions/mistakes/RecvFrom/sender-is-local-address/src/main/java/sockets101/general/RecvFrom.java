package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: taking the sender from the socket instead of from the packet. The socket's
 * own address is where the datagram arrived, not where it came from; an unconnected UDP socket
 * has no single peer, and every datagram carries its own sender in
 * {@code packet.getSocketAddress()}.
 */
public final class RecvFrom {
    private RecvFrom() {
    }

    public record Datagram(String text, InetSocketAddress sender) {
    }

    public static Datagram recvFrom(DatagramSocket socket, int maxBytes, Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        DatagramPacket packet = new DatagramPacket(new byte[maxBytes], maxBytes);
        socket.receive(packet);
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        return new Datagram(text, (InetSocketAddress) socket.getLocalSocketAddress());
    }
}
