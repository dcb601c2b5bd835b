package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Reference solution of exercise {@code Listen}. */
public final class Listen {
    private Listen() {
    }

    /**
     * Opens a server socket bound to exactly {@code address}, {@code SO_REUSEADDR} on, holding up
     * to {@code backlog} connections waiting for {@code accept()}.
     *
     * @param address the local address and port; port 0 picks a free one
     * @param backlog the length of the accept queue; at least 1
     * @return the bound, listening server socket
     * @throws IllegalArgumentException if {@code backlog < 1}
     * @throws IOException if it cannot be bound, a {@link java.net.BindException} when the port is taken
     */
    public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
        // Checked first: ServerSocket.bind would silently turn backlog < 1 into 50.
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, not " + backlog);
        }
        ServerSocket server = new ServerSocket();
        try {
            // Only an unbound socket takes SO_REUSEADDR reliably on every OS.
            server.setReuseAddress(true);
            // Java's bind does Python's bind and listen in one call.
            server.bind(address, backlog);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }
}
