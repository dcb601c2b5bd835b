package sockets101.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code Connect} — lesson 05, section "connect".
 *
 * <p>Python's {@code s.connect((host, port))} opens a connection to a server. A name may stand
 * for several addresses (IPv4 and IPv6, several servers): a good client tries them in turn,
 * and never waits without limit for one that does not answer.
 */
public final class Connect {
    private Connect() {
    }

    /**
     * Connects to {@code host:port}: resolves <em>every</em> address of {@code host}, then
     * tries them as {@link #connectAny(List, Duration)} does.
     *
     * @param host    a host name or a literal address, e.g. {@code "localhost"}
     * @param port    the server's port, 1..65535
     * @param timeout how long each connection attempt may take; above zero
     * @return the connected socket; the caller closes it
     * @throws IllegalArgumentException if {@code port} is outside 1..65535 or {@code timeout <= 0}
     * @throws java.net.UnknownHostException if {@code host} does not resolve
     * @throws IOException the last attempt's failure, as {@code connectAny} throws it
     */
    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO Connect.connect: lessons 05-client § connect");
    }

    /**
     * Connects to the first of {@code candidates} that accepts.
     *
     * <ul>
     *   <li>Try the candidates in order, each with its own {@code timeout}
     *       ({@link Socket#connect(java.net.SocketAddress, int)}): a candidate that does not
     *       answer costs at most {@code timeout}, then the next one is tried.</li>
     *   <li>The first connection that succeeds is returned; the rest are not tried.</li>
     *   <li>If every candidate fails, throw the <em>last</em> failure, with each earlier failure
     *       attached to it, in order, with {@link Throwable#addSuppressed(Throwable)}.</li>
     *   <li>An empty list, or {@code timeout <= 0} (0 would mean "wait for ever" to
     *       {@code Socket.connect}), is an {@link IllegalArgumentException}.</li>
     * </ul>
     *
     * @param candidates the addresses to try, in order
     * @param timeout    how long each attempt may take; above zero
     * @return the connected socket; the caller closes it
     * @throws IllegalArgumentException if {@code candidates} is empty or {@code timeout <= 0}
     * @throws IOException the last candidate's failure, the earlier ones suppressed in it,
     *                     e.g. a {@link java.net.SocketTimeoutException} or {@link java.net.ConnectException}
     */
    public static Socket connectAny(List<InetSocketAddress> candidates, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO Connect.connectAny: lessons 05-client § connect");
    }
}
