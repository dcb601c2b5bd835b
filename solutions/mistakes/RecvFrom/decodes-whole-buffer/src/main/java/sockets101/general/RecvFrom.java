package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: {@code new String(buffer, UTF_8)} on the whole buffer. A 4-byte datagram in a
 * 1,024-byte buffer becomes "hola" followed by 1,020 NUL characters; only
 * {@code packet.getLength()} bytes arrived.
 */
public final class RecvFrom {
    private RecvFrom() {
    }

    public record Datagram(String text, InetSocketAddress sender) {
    }

    public static Datagram recvFrom(DatagramSocket socket, int maxBytes, Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        byte[] buffer = new byte[maxBytes];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return new Datagram(new String(buffer, StandardCharsets.UTF_8), (InetSocketAddress) packet.getSocketAddress());
    }
}
