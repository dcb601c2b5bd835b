package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Exercise {@code GopherMenu} — lesson 07, section "gopher".
 *
 * <p>Python had {@code gopherlib} (long gone); Java has no maintained Gopher library at all, so
 * a hand-written client over a plain {@link java.net.Socket} is what you would really use
 * (RFC 1436).
 */
public final class GopherMenu {
    private GopherMenu() {
    }

    /**
     * One menu line.
     *
     * @param type     the item type, the line's first character: {@code 0} text file,
     *                 {@code 1} menu, {@code 7} search, {@code i} information, {@code 3} error...
     * @param display  the text shown to the user
     * @param selector what to send to fetch the item (may be empty)
     * @param host     the host that serves the item
     * @param port     its port
     */
    public record Item(char type, String display, String selector, String host, int port) {
    }

    /**
     * Fetches the menu at {@code selector} and parses it.
     *
     * <p>The request is the selector followed by CRLF (the empty selector asks for the root
     * menu). The server answers with lines, each ending with CRLF: the type character, then the
     * display string, selector, host and port separated by TAB; a line holding only {@code .}
     * ends the menu (some servers just close the connection instead). Skip empty lines; a line
     * with fewer than four fields is an {@link IOException}. Text is UTF-8. Connect, and every
     * read, bounded by {@code timeout}; close the socket before returning.
     *
     * @param server   the Gopher server's address
     * @param selector the menu's selector, {@code ""} for the root
     * @param timeout  the limit for the connection and for each read
     * @return the menu's items, in order
     * @throws IOException if the connection fails, times out, or a line is not a menu line
     */
    public static List<Item> menu(InetSocketAddress server, String selector, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO GopherMenu.menu: lessons 07-protocols § gopher");
    }
}
