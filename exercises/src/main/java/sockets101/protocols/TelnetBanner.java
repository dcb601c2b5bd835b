package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code TelnetBanner} — lesson 07, section "telnet".
 *
 * <p>Python had {@code telnetlib} (removed in 3.13); in Java Apache Commons Net has
 * {@code TelnetClient}. Here you speak Telnet (RFC 854, options RFC 855) yourself over a plain
 * {@link java.net.Socket}: the simplest correct client, one that refuses every option.
 */
public final class TelnetBanner {
    private TelnetBanner() {
    }

    /**
     * Connects, reads everything the server sends until it closes the connection, and returns
     * the text without Telnet commands, answering every option negotiation with a refusal.
     *
     * <p>A byte 255 (IAC, "interpret as command") starts a command:
     * <ul>
     *   <li>{@code IAC DO opt} (253): the server asks you to use an option → answer
     *       {@code IAC WONT opt} (252);</li>
     *   <li>{@code IAC WILL opt} (251): the server offers an option → answer
     *       {@code IAC DONT opt} (254);</li>
     *   <li>{@code IAC WONT opt} and {@code IAC DONT opt}: refusals; answer nothing (answering a
     *       refusal starts an endless loop);</li>
     *   <li>{@code IAC SB ... IAC SE} (250 ... 240): a subnegotiation; skip it;</li>
     *   <li>{@code IAC IAC}: a data byte 255;</li>
     *   <li>any other {@code IAC x} (NOP 241, GA 249...): skip both bytes.</li>
     * </ul>
     * Send each answer as soon as you read the request (flush), since the server waits for it.
     * Every other byte is text: return it decoded as UTF-8. Connect, and every read, bounded by
     * {@code timeout}; close the socket before returning.
     *
     * @param server  the Telnet server's address
     * @param timeout the limit for the connection and for each read
     * @return the text the server sent, e.g. {@code "Welcome\r\nlogin: "}
     * @throws IOException if the connection fails or a read times out
     */
    public static String banner(InetSocketAddress server, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO TelnetBanner.banner: lessons 07-protocols § telnet");
    }
}
