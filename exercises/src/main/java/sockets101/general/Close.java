package sockets101.general;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code Close} — lesson 06, section "close".
 *
 * <p>Python's {@code s.close()} ends a socket. Between "still talking" and "closed" TCP has a
 * half-way state: {@link java.net.Socket#shutdownOutput()} says "I have nothing more to send"
 * (the peer reads end of stream) while you can still read the peer's answer. Careful: closing
 * the stream from {@code getOutputStream()} closes the whole socket.
 */
public final class Close {
    private Close() {
    }

    /**
     * Sends one request and returns the whole reply, the way a one-shot client does.
     *
     * <ol>
     *   <li>Connect to {@code server}, waiting at most {@code timeout}.</li>
     *   <li>Send {@code request} as UTF-8 bytes (no length, no newline added).</li>
     *   <li>Half-close: {@code shutdownOutput()}, so the server sees the end of the request.</li>
     *   <li>Read the reply until the server closes (end of stream); each read waits at most
     *       {@code timeout}, and a reply larger than one read must come back whole.</li>
     *   <li>Decode the reply as UTF-8 and close the socket — also when something failed.</li>
     * </ol>
     *
     * @param server  the server's address and port
     * @param request the request text
     * @param timeout the longest wait for the connection and for each read, above zero
     * @return the server's reply, whole
     * @throws java.net.SocketTimeoutException if connecting or a read takes longer than {@code timeout}
     * @throws IOException                     if connecting, sending or receiving fails
     */
    public static String request(InetSocketAddress server, String request, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO Close.request: lessons 06-general § close");
    }
}
