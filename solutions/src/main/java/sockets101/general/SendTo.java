package sockets101.general;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Reference solution of exercise {@code SendTo}. */
public final class SendTo {
    /** 65,535 minus the 8-byte UDP header and the 20-byte IPv4 header. */
    private static final int MAX_DATAGRAM = 65_507;

    private SendTo() {
    }

    /**
     * Sends {@code text} as one UTF-8 datagram to {@code target}.
     *
     * @return the number of bytes sent
     * @throws IllegalArgumentException if the text takes more than 65,507 bytes or the target is unresolved
     * @throws IOException              if sending fails
     */
    public static int sendTo(DatagramSocket socket, String text, InetSocketAddress target) throws IOException {
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("unresolved target: " + target);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DATAGRAM) {
            throw new IllegalArgumentException(bytes.length + " bytes do not fit in one datagram (at most " + MAX_DATAGRAM + ")");
        }
        socket.send(new DatagramPacket(bytes, bytes.length, target));
        return bytes.length;
    }
}
