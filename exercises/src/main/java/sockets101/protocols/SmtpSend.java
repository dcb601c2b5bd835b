package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code SmtpSend} — lesson 07, section "smtp".
 *
 * <p>Python's {@code smtplib} sends mail; in Java a professional uses Jakarta Mail (Angus Mail).
 * Here you speak SMTP (RFC 5321) yourself over a plain {@link java.net.Socket}.
 */
public final class SmtpSend {
    private SmtpSend() {
    }

    /**
     * Sends {@code message} from {@code from} to every address of {@code to}.
     *
     * <p>The dialog, each command ending with CRLF ({@code "\r\n"}), each reply checked:
     * <ol>
     *   <li>read the greeting, {@code 220};</li>
     *   <li>{@code EHLO localhost} → {@code 250}. This reply has several lines: every line but the
     *       last has a {@code -} after the code ({@code 250-SIZE ...}), the last a space
     *       ({@code 250 OK}); read them all, or the next replies come out of step;</li>
     *   <li>{@code MAIL FROM:<from>} → {@code 250};</li>
     *   <li>one {@code RCPT TO:<address>} per recipient → {@code 250} (or {@code 251});</li>
     *   <li>{@code DATA} → {@code 354}; then the message, line by line, each line ending with CRLF
     *       (the message may separate its lines with {@code \n} or {@code \r\n}); a line that
     *       starts with {@code .} is sent with one more {@code .} in front (dot-stuffing, RFC 5321
     *       § 4.5.2); then a line with only {@code .} → {@code 250};</li>
     *   <li>{@code QUIT} → {@code 221}.</li>
     * </ol>
     * Any other reply code is an {@link IOException} naming the reply. Connect, and every read,
     * bounded by {@code timeout}; close the socket before returning.
     *
     * @param server  the SMTP server's address
     * @param from    the sender, e.g. {@code ana@example.org}
     * @param to      the recipients (at least one)
     * @param message the message: header lines, an empty line, the body
     * @param timeout the limit for the connection and for each read
     * @return the server's reply to the end of DATA (the line starting with {@code 250})
     * @throws IOException if the connection fails, times out, or the server answers an error
     */
    public static String send(InetSocketAddress server, String from, List<String> to, String message,
                              Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO SmtpSend.send: lessons 07-protocols § smtp");
    }
}
