package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: turning {@code SO_REUSEADDR} off "so nobody else takes my port". It does not
 * protect the port; it only makes a restarted server fail while the old port sits in TIME_WAIT.
 */
public final class Bind {
    private Bind() {
    }

    public static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(false);
        server.bind(address);
        return server;
    }
}
