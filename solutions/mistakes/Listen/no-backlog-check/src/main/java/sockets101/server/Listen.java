package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: passing {@code backlog} straight to {@code bind} without checking it. Java does
 * not complain about 0 or a negative backlog: it quietly uses 50, so the caller's error goes
 * unnoticed and the queue is not what was asked for.
 */
public final class Listen {
    private Listen() {
    }

    public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, backlog);
        return server;
    }
}
