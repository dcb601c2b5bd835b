package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Known mistake: converting the timeout with {@code getSeconds() * 1000}. A 200 ms timeout is
 * 0 whole seconds, and {@code setSoTimeout(0)} means "wait forever": the call that should give
 * up after 200 ms never returns.
 */
public final class RecvFrom {
    private RecvFrom() {
    }

    public record Datagram(String text, InetSocketAddress sender) {
    }

    public static Datagram recvFrom(DatagramSocket socket, int maxBytes, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.getSeconds() * 1000);
        DatagramPacket packet = new DatagramPacket(new byte[maxBytes], maxBytes);
        socket.receive(packet);
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        return new Datagram(text, (InetSocketAddress) packet.getSocketAddress());
    }
}
