package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: 65,535 as the limit, the largest value of UDP's 16-bit length field. That
 * field and the IP packet also hold the 8-byte UDP header and the 20-byte IP header, so the
 * payload tops out at 65,507; from 65,508 to 65,535 bytes the system refuses the datagram with a
 * {@code SocketException} instead of the promised {@link IllegalArgumentException}.
 */
public final class SendTo {
    private SendTo() {
    }

    public static int sendTo(DatagramSocket socket, String text, InetSocketAddress target) throws IOException {
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("unresolved target: " + target);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 65_535) {
            throw new IllegalArgumentException("too long for one datagram: " + bytes.length + " bytes");
        }
        socket.send(new DatagramPacket(bytes, bytes.length, target));
        return bytes.length;
    }
}
