package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: a loop that returns or throws on its first pass. The first candidate decides
 * everything: if it refuses, the exception escapes and the others are never tried, which is the
 * whole point of having several addresses.
 */
public final class Connect {
    private Connect() {
    }

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be above zero");
        }
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            candidates.add(new InetSocketAddress(address, port));
        }
        return connectAny(candidates, timeout);
    }

    public static Socket connectAny(List<InetSocketAddress> candidates, Duration timeout) throws IOException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be above zero");
        }
        Socket socket = null;
        for (InetSocketAddress candidate : candidates) {
            socket = new Socket();
            try {
                socket.connect(candidate, (int) timeout.toMillis());
                break;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
        return socket;
    }
}
