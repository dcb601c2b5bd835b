package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code Pop3Retr} — lesson 07, section "pop3".
 *
 * <p>Python's {@code poplib} fetches mail; in Java a professional uses Jakarta Mail (Angus Mail).
 * Here you speak POP3 (RFC 1939) yourself over a plain {@link java.net.Socket}.
 */
public final class Pop3Retr {
    private Pop3Retr() {
    }

    /**
     * The mailbox as {@code STAT} tells it, and the message retrieved.
     *
     * @param messages how many messages the mailbox holds
     * @param octets   their total size in octets
     * @param message  the text of the message retrieved, every line ending with CRLF
     */
    public record Result(int messages, long octets, String message) {
    }

    /**
     * Logs in, asks {@code STAT} and retrieves message {@code number}.
     *
     * <p>The dialog, each command ending with CRLF: read the greeting; {@code USER user};
     * {@code PASS password}; {@code STAT} (reply {@code +OK messages octets}); {@code RETR number};
     * {@code QUIT}. Every reply starts with {@code +OK} or {@code -ERR}: a {@code -ERR} (a wrong
     * password, a message that does not exist) is an {@link IOException}.
     *
     * <p>After {@code +OK}, {@code RETR} sends the message line by line and ends it with a line
     * holding only {@code .}. The server doubles the {@code .} at the start of any other line
     * (byte-stuffing): take one away. Return the lines before the final {@code .}, each with CRLF.
     * Connect, and every read, bounded by {@code timeout}; close the socket before returning.
     *
     * @param server   the POP3 server's address
     * @param user     the user name
     * @param password the password
     * @param number   the message to retrieve, counting from 1
     * @param timeout  the limit for the connection and for each read
     * @return STAT's figures and the message
     * @throws IOException if the connection fails, times out, or the server answers {@code -ERR}
     */
    public static Result retrieve(InetSocketAddress server, String user, String password, int number,
                                  Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO Pop3Retr.retrieve: lessons 07-protocols § pop3");
    }
}
