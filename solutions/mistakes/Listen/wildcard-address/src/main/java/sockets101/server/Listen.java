package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: {@code new ServerSocket(port, backlog)} honours the backlog but binds the port
 * on every interface (0.0.0.0), not on the address asked for; a server meant for loopback is
 * then reachable from the network.
 */
public final class Listen {
    private Listen() {
    }

    public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1");
        }
        ServerSocket server = new ServerSocket(address.getPort(), backlog);
        server.setReuseAddress(true);
        return server;
    }
}
