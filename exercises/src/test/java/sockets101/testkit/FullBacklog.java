package sockets101.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener with backlog 1 whose accept queue is full and never served: a further
 * {@code connect()} to it gets no answer (Linux drops its SYN) until the client's timeout. The
 * only way to get a connect that hangs when there is no network beyond loopback.
 */
public final class FullBacklog implements AutoCloseable {
    /** How long a probe waits for a connect that succeeds at once on loopback when there is room. */
    public static final Duration PROBE = Duration.ofMillis(200);
    /** Linux queues backlog + 1 connections; other systems a few more. Past this, give up. */
    private static final int MAX_WAITING = 8;

    private final ServerSocket listener;
    private final List<Socket> waiting;

    private FullBacklog(ServerSocket listener, List<Socket> waiting) {
        this.listener = listener;
        this.waiting = waiting;
    }

    /**
     * Opens the listener and connects clients until one times out: the queue is then full. Aborts
     * the test (a skip, with the reason) where the system refuses instead of leaving it waiting.
     */
    public static FullBacklog open() throws IOException {
        ServerSocket listener = new ServerSocket();
        List<Socket> waiting = new ArrayList<>();
        FullBacklog full = new FullBacklog(listener, waiting);
        try {
            listener.bind(Loopback.anyPort(), 1);
            while (waiting.size() < MAX_WAITING) {
                Socket probe = new Socket();
                try {
                    probe.connect(listener.getLocalSocketAddress(), (int) PROBE.toMillis());
                    waiting.add(probe);
                } catch (SocketTimeoutException e) {
                    probe.close();
                    return full;
                } catch (ConnectException e) {
                    probe.close();
                    Assumptions.abort("this system refuses a connection when the accept queue is full, "
                            + "instead of leaving it waiting: no hanging connect to test timeouts with "
                            + "/ este sistema rechaza la conexión cuando la cola está llena en vez de dejarla esperando");
                }
            }
            Assumptions.abort("this system accepted " + MAX_WAITING + " connections with backlog 1: no hanging connect "
                    + "to test timeouts with / este sistema aceptó " + MAX_WAITING + " conexiones con backlog 1");
            return full;
        } catch (IOException | RuntimeException | Error e) {
            full.close();
            throw e;
        }
    }

    /** Where a connect hangs until its timeout. */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        // Closing the listener also ends, at their next SYN retry, connects still waiting on it.
        listener.close();
        for (Socket socket : waiting) {
            socket.close();
        }
    }
}
