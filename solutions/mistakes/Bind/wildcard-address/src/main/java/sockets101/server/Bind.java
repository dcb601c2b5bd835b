package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: {@code new ServerSocket(port)} binds the port on every interface (0.0.0.0),
 * not on the address asked for; a server meant for loopback is then reachable from the network.
 */
public final class Bind {
    private Bind() {
    }

    public static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket(address.getPort());
        server.setReuseAddress(true);
        return server;
    }
}
