package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: "Linux lets backlog + 1 clients in, so pass backlog - 1". The kernel's extra
 * slot is not the caller's business, and for a backlog of 1 this passes 0, which Java turns into
 * its default of 50: the smallest queue becomes a long one.
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
        server.bind(address, backlog - 1);
        return server;
    }
}
