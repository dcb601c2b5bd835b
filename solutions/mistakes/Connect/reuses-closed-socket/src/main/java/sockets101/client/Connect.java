package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: one {@link Socket} for every attempt. A socket whose {@code connect} failed is
 * closed by Java, so every later attempt fails at once with "Socket is closed" and never
 * reaches its candidate.
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
        List<IOException> failures = new ArrayList<>();
        Socket socket = new Socket();
        for (InetSocketAddress candidate : candidates) {
            try {
                socket.connect(candidate, (int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                failures.add(e);
            }
        }
        socket.close();
        IOException last = failures.remove(failures.size() - 1);
        failures.forEach(last::addSuppressed);
        throw last;
    }
}
