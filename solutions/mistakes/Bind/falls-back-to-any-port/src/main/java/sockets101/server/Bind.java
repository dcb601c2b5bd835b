package sockets101.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Known mistake: swallowing the {@link BindException} and quietly binding another port. The
 * caller believes it listens where it asked, and clients knock on the wrong door.
 */
public final class Bind {
    private Bind() {
    }

    public static ServerSocket bind(InetSocketAddress address) throws IOException {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(address);
            return server;
        } catch (BindException e) {
            ServerSocket other = new ServerSocket();
            other.bind(new InetSocketAddress(address.getAddress(), 0));
            return other;
        }
    }
}
