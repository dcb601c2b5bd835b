package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: {@code new Socket(address, port)} connects with no time limit, so the timeout
 * is never used. A candidate that does not answer (a firewall dropping packets, a full queue)
 * blocks the caller for minutes, until the system gives up, and the next candidate waits too.
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
        IOException last = null;
        List<IOException> earlier = new ArrayList<>();
        for (InetSocketAddress candidate : candidates) {
            try {
                return new Socket(candidate.getAddress(), candidate.getPort());
            } catch (IOException e) {
                if (last != null) {
                    earlier.add(last);
                }
                last = e;
            }
        }
        earlier.forEach(last::addSuppressed);
        throw last;
    }
}
