package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: throwing the <em>first</em> failure, the later ones suppressed in it. The
 * contract asks for the last failure (the most recent attempt) with the earlier ones attached:
 * callers that look at the exception thrown see the wrong attempt.
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
        IOException first = null;
        for (InetSocketAddress candidate : candidates) {
            Socket socket = new Socket();
            try {
                socket.connect(candidate, (int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                socket.close();
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw first;
    }
}
