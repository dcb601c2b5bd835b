package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reference solution of exercise {@code Connect}. */
public final class Connect {
    private Connect() {
    }

    /**
     * Resolves every address of {@code host} and connects to the first that accepts.
     *
     * @param host    a name or a literal address
     * @param port    1..65535
     * @param timeout per attempt, above zero
     * @return the connected socket
     * @throws IOException the last attempt's failure, earlier ones suppressed in it
     */
    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, not " + port);
        }
        checkTimeout(timeout);
        List<InetSocketAddress> candidates = new ArrayList<>();
        // getAllByName, not getByName: a name may have an IPv6 and an IPv4 address, and only one may answer.
        for (InetAddress address : InetAddress.getAllByName(host)) {
            candidates.add(new InetSocketAddress(address, port));
        }
        return connectAny(candidates, timeout);
    }

    /**
     * Tries each candidate in order, each attempt bounded by {@code timeout}.
     *
     * @param candidates the addresses to try
     * @param timeout    per attempt, above zero
     * @return the first socket that connects
     * @throws IOException the last failure, the earlier ones suppressed in it, in order
     */
    public static Socket connectAny(List<InetSocketAddress> candidates, Duration timeout) throws IOException {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no address to connect to");
        }
        int millis = checkTimeout(timeout);
        List<IOException> failures = new ArrayList<>();
        for (InetSocketAddress candidate : candidates) {
            // A socket whose connect failed is closed: each attempt needs a new one.
            Socket socket = new Socket();
            try {
                socket.connect(candidate, millis);
                return socket;
            } catch (IOException e) {
                socket.close();
                failures.add(e);
            }
        }
        IOException last = failures.remove(failures.size() - 1);
        failures.forEach(last::addSuppressed);
        throw last;
    }

    /** The timeout in milliseconds for Socket.connect, where 0 would mean "no limit". */
    private static int checkTimeout(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be above zero, not " + timeout);
        }
        // Capped to what Socket.connect takes; rounded up, so 1 ns never becomes 0 (no limit).
        if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) >= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) timeout.plusNanos(999_999).toMillis();
    }
}
