package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Reference solution of exercise {@code Bind}. */
public final class Bind {
    private Bind() {
    }

    /**
     * Opens a server socket bound to exactly {@code address}, with {@code SO_REUSEADDR} on.
     *
     * @param address the local address and port; port 0 picks a free one
     * @return the bound server socket
     * @throws IOException if it cannot be bound, a {@link java.net.BindException} when the port is taken
     */
    public static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            // Only an unbound socket takes SO_REUSEADDR reliably on every OS.
            server.setReuseAddress(true);
            server.bind(address);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
