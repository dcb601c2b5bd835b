package sockets101.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Known mistake: no checks on the arguments. Port 0 is tried as if it were a port, an empty list
 * ends in an {@code IndexOutOfBoundsException}, and a timeout of 0 reaches {@code Socket.connect},
 * where it means "wait for ever": the exact opposite of what the caller wanted.
 */
public final class Connect {
    private Connect() {
    }

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        // no checks: Socket.connect will complain if something is wrong
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            candidates.add(new InetSocketAddress(address, port));
        }
        return connectAny(candidates, timeout);
    }

    public static Socket connectAny(List<InetSocketAddress> candidates, Duration timeout) throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (InetSocketAddress candidate : candidates) {
            Socket socket = new Socket();
            try {
                socket.connect(candidate, (int) timeout.toMillis());
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
}
