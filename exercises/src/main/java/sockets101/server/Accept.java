package sockets101.server;

import java.net.ServerSocket;
import java.util.function.UnaryOperator;

/**
 * Exercise {@code Accept} — lesson 04, section "accept".
 *
 * <p>Python's {@code conn, address = s.accept()} waits for the next client and returns a new
 * socket to talk to it. In Java, {@link ServerSocket#accept()} returns that {@link java.net.Socket}.
 * A server calls it in a loop, and serves each client without making the others wait.
 */
public final class Accept {
    private Accept() {
    }

    /**
     * Starts a line server on {@code server} and returns at once.
     *
     * <ul>
     *   <li>The accept loop runs on a new, <em>started</em> background thread, which this method
     *       returns (the caller may {@code join()} it).</li>
     *   <li>Each accepted client is served on a thread of its own, so a client that says nothing
     *       never keeps the others waiting.</li>
     *   <li>For each line the client sends (UTF-8, ended by {@code "\n"}), write back
     *       {@code handler.apply(line) + "\n"} in UTF-8, and flush it at once: the client waits
     *       for each reply before it sends the next line.</li>
     *   <li>When the client closes its side (end of stream), close its socket.</li>
     *   <li>Once {@code server} is closed, {@code accept()} throws: the loop must then end, and so
     *       must its thread. Do not retry forever.</li>
     * </ul>
     *
     * @param server  a bound, listening server socket; the caller closes it to stop the server
     * @param handler turns each line received (without its {@code "\n"}) into the reply line
     * @return the started thread that runs the accept loop
     */
    public static Thread serve(ServerSocket server, UnaryOperator<String> handler) {
        throw new UnsupportedOperationException("TODO Accept.serve: lessons 04-server § accept");
    }
}
