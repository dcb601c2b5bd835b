package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Known mistake: returning {@code text.length()}, the number of characters, as the bytes sent.
 * The datagram is right, but for any non-ASCII text the count is wrong: "ñ" is one character
 * and two bytes.
 */
public final class SendTo {
    private SendTo() {
    }

    public static int sendTo(DatagramSocket socket, String text, InetSocketAddress target) throws IOException {
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("unresolved target: " + target);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 65_507) {
            throw new IllegalArgumentException("too long for one datagram: " + bytes.length + " bytes");
        }
        socket.send(new DatagramPacket(bytes, bytes.length, target));
        return text.length();
    }
}
