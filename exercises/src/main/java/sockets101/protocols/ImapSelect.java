package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code ImapSelect} — lesson 07, section "imap".
 *
 * <p>Python's {@code imaplib} speaks IMAP4; in Java a professional uses Jakarta Mail (Angus Mail).
 * Here you speak IMAP4rev1 (RFC 3501) yourself over a plain {@link java.net.Socket}.
 */
public final class ImapSelect {
    private ImapSelect() {
    }

    /**
     * Logs in, selects {@code mailbox} and returns how many messages it holds (its EXISTS count).
     *
     * <ul>
     *   <li>Read the greeting, {@code * OK ...}.</li>
     *   <li>Every command starts with a tag of your choice ({@code a1}, {@code a2}...):
     *       {@code a1 LOGIN "user" "password"}, {@code a2 SELECT "mailbox"}, {@code a3 LOGOUT}.
     *       Send the user, the password and the mailbox as IMAP quoted strings: between double
     *       quotes, with {@code \} and {@code "} escaped by a {@code \}, so spaces survive.</li>
     *   <li>The server answers with untagged lines ({@code * ...}) and ends with a line starting
     *       with your tag: {@code a2 OK ...}, or {@code NO}/{@code BAD} for an error, which is an
     *       {@link IOException}.</li>
     *   <li>Among SELECT's untagged lines, {@code * 3 EXISTS} gives the count; it is not always
     *       the first one.</li>
     * </ul>
     * Connect, and every read, bounded by {@code timeout}; close the socket before returning.
     *
     * @param server   the IMAP server's address
     * @param user     the user name
     * @param password the password (may hold spaces and quotes)
     * @param mailbox  the mailbox to select, e.g. {@code INBOX}
     * @param timeout  the limit for the connection and for each read
     * @return the number of messages in the mailbox
     * @throws IOException if the connection fails, times out, or a command is answered NO or BAD
     */
    public static int exists(InetSocketAddress server, String user, String password, String mailbox,
                             Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO ImapSelect.exists: lessons 07-protocols § imap");
    }
}
