package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: checking the limit on {@code text.length()} before encoding. 32,754 'ñ' pass
 * the check as 32,754 characters, but they are 65,508 bytes: the system refuses the datagram
 * with a {@code SocketException} ("Message too long") instead of the promised
 * {@link IllegalArgumentException}.
 */
public final class SendTo {
    private SendTo() {
    }

    public static int sendTo(DatagramSocket socket, String text, InetSocketAddress target) throws IOException {
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("unresolved target: " + target);
        }
        if (text.length() > 65_507) {
            throw new IllegalArgumentException("too long for one datagram: " + text.length());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, target));
        return bytes.length;
    }
}
