package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code FtpRetr} — lesson 07, section "ftp".
 *
 * <p>Python's {@code ftplib} transfers files; in Java a professional uses Apache Commons Net's
 * {@code FTPClient}. Here you speak FTP (RFC 959) yourself over plain {@link java.net.Socket}s:
 * one for the commands (the control connection, port 21) and one per transfer (the data
 * connection).
 */
public final class FtpRetr {
    private FtpRetr() {
    }

    /**
     * Downloads the file {@code path} and returns its bytes exactly.
     *
     * <p>On the control connection, each command ending with CRLF, each reply checked by its first
     * digit (1 = started, 2 = done, 3 = go on; 4 and 5 are errors, an {@link IOException}):
     * <ol>
     *   <li>read the greeting, {@code 220};</li>
     *   <li>{@code USER user} → {@code 331}, then {@code PASS password} → {@code 230}
     *       (a {@code 230} right after USER means no password is needed);</li>
     *   <li>{@code TYPE I} → {@code 200}: binary, so no byte is changed on the way;</li>
     *   <li>{@code PASV} → {@code 227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)}: the server
     *       waits for the data connection at address {@code h1.h2.h3.h4}, port
     *       {@code p1 * 256 + p2}; connect to it;</li>
     *   <li>{@code RETR path} → {@code 150} (or {@code 125}); read the data connection to its
     *       end (EOF) — those are the file's bytes; then read {@code 226} on the control connection;</li>
     *   <li>{@code QUIT} → {@code 221}.</li>
     * </ol>
     * A reply may take several lines: {@code 220-...} up to {@code 220 ...}; read them all.
     * Every connect and read bounded by {@code timeout}; close both sockets before returning.
     *
     * @param server   the FTP server's control address
     * @param user     the user name
     * @param password the password
     * @param path     the file, relative to the user's home directory
     * @param timeout  the limit for each connection and each read
     * @return the file's bytes
     * @throws IOException if a connection fails, times out, or the server answers an error
     */
    public static byte[] retrieve(InetSocketAddress server, String user, String password, String path,
                                  Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO FtpRetr.retrieve: lessons 07-protocols § ftp");
    }

    /**
     * Lists the directory {@code directory}: the same dialog as {@link #retrieve}, with
     * {@code LIST directory} instead of {@code RETR path}. The data connection carries the
     * listing as text (UTF-8), one line per entry, like {@code ls -l}.
     *
     * @param server    the FTP server's control address
     * @param user      the user name
     * @param password  the password
     * @param directory the directory, relative to the user's home directory
     * @param timeout   the limit for each connection and each read
     * @return the listing's lines, without line ends, in the order sent, blank lines left out
     * @throws IOException if a connection fails, times out, or the server answers an error
     */
    public static List<String> list(InetSocketAddress server, String user, String password, String directory,
                                    Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO FtpRetr.list: lessons 07-protocols § ftp");
    }
}
