package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: checking {@code backlog} but never passing it on. {@code bind(address)} without
 * a backlog listens with Java's default of 50, so the queue is far longer than asked for and a
 * flood of clients piles up instead of being held back.
 */
public final class Listen {
    private Listen() {
    }

    public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1");
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address);
        return server;
    }
}
