package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Exercise {@code NntpArticle} — lesson 07, section "nntp".
 *
 * <p>Python's {@code nntplib} reads Usenet news; in Java a professional uses Apache Commons
 * Net's {@code NNTPClient}. Here you speak NNTP (RFC 3977) yourself over a plain
 * {@link java.net.Socket}.
 */
public final class NntpArticle {
    private NntpArticle() {
    }

    /**
     * A group as {@code GROUP} tells it, and the text of its first article.
     *
     * @param count the (estimated) number of articles in the group
     * @param low   the number of the first article
     * @param high  the number of the last article
     * @param text  the first article: header lines, an empty line, the body; every line ending with CRLF
     */
    public record Article(long count, long low, long high, String text) {
    }

    /**
     * Selects {@code group} and fetches its first article.
     *
     * <p>The dialog, each command ending with CRLF, each response starting with a 3-digit code:
     * read the greeting ({@code 200} or {@code 201}); {@code GROUP group} →
     * {@code 211 count low high group}; {@code ARTICLE low} (the first article's <em>number</em>,
     * not the count) → {@code 220 ...}, followed by the article line by line, ended by a line
     * holding only {@code .}; the server doubled the {@code .} at the start of any other line
     * (dot-stuffing): take one away; {@code QUIT} → {@code 205}. Any other code (such as
     * {@code 411} for a group that does not exist) is an {@link IOException}; so is a group with
     * no articles. Connect, and every read, bounded by {@code timeout}; close the socket before
     * returning.
     *
     * @param server  the news server's address
     * @param group   the group's name, e.g. {@code comp.lang.java}
     * @param timeout the limit for the connection and for each read
     * @return GROUP's figures and the first article
     * @throws IOException if the connection fails, times out, or the server answers an error
     */
    public static Article first(InetSocketAddress server, String group, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO NntpArticle.first: lessons 07-protocols § nntp");
    }
}
