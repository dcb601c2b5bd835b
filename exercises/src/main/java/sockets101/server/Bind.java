package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Exercise {@code Bind} — lesson 04, section "bind".
 *
 * <p>Python's {@code s.bind((host, port))} gives a socket its address. In Java a
 * {@link ServerSocket} binds and listens in one step.
 */
public final class Bind {
    private Bind() {
    }

    /**
     * Opens a server socket bound to exactly {@code address}.
     *
     * <ul>
     *   <li>Port 0 means "any free port": the system picks one, read it back with
     *       {@link ServerSocket#getLocalPort()}.</li>
     *   <li>Bind to the address given, not to every interface.</li>
     *   <li>Turn {@code SO_REUSEADDR} on <em>before</em> binding, so a port left in TIME_WAIT
     *       by a server that just stopped can be bound again at once.</li>
     *   <li>If the port is taken, let the {@link java.net.BindException} reach the caller.</li>
     * </ul>
     *
     * @param address the local address and port to bind, e.g. {@code 127.0.0.1:0}
     * @return a bound, listening server socket; the caller closes it
     * @throws IOException if the socket cannot be bound, for example a {@link java.net.BindException}
     */
    public static ServerSocket bind(InetSocketAddress address) throws IOException {
        throw new UnsupportedOperationException("TODO Bind.bind: lessons 04-server § bind");
    }
}
