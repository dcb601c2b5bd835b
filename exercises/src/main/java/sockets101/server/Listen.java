package sockets101.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Exercise {@code Listen} — lesson 04, section "listen".
 *
 * <p>Python's {@code s.listen(backlog)} turns a bound socket into a listening one and says how
 * many connections the system may hold waiting for {@code accept()}. Java has no separate
 * {@code listen()}: the backlog is the second argument of {@link ServerSocket#bind(java.net.SocketAddress, int)}.
 */
public final class Listen {
    private Listen() {
    }

    /**
     * Opens a server socket bound to exactly {@code address} that holds up to {@code backlog}
     * connections waiting to be accepted.
     *
     * <ul>
     *   <li>Up to {@code backlog} clients complete {@code connect()} before anybody calls
     *       {@link ServerSocket#accept()}; once that queue is full, further clients wait (on Linux
     *       their connection attempt simply gets no answer until it times out).</li>
     *   <li>{@code backlog} below 1 is an error: throw {@link IllegalArgumentException} before
     *       opening anything. (Java would quietly turn 0 or a negative backlog into 50.)</li>
     *   <li>As in {@code Bind}: port 0 means "any free port"; bind to the address given, not to
     *       every interface; turn {@code SO_REUSEADDR} on <em>before</em> binding; if the port is
     *       taken, let the {@link java.net.BindException} reach the caller.</li>
     * </ul>
     *
     * @param address the local address and port to bind, e.g. {@code 127.0.0.1:0}
     * @param backlog how many connections may wait for {@code accept()}; at least 1
     * @return a bound, listening server socket; the caller closes it
     * @throws IllegalArgumentException if {@code backlog < 1}
     * @throws IOException if the socket cannot be bound, for example a {@link java.net.BindException}
     */
    public static ServerSocket listen(InetSocketAddress address, int backlog) throws IOException {
        throw new UnsupportedOperationException("TODO Listen.listen: lessons 04-server § listen");
    }
}
