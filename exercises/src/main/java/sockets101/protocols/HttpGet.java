package sockets101.protocols;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Exercise {@code HttpGet} — lesson 07, section "http".
 *
 * <p>Python's {@code httplib} (today {@code http.client}) speaks HTTP for you; in Java a
 * professional uses {@code java.net.http.HttpClient}. Here you speak HTTP/1.1 yourself, over a
 * plain {@link java.net.Socket}, to see what those libraries do (RFC 9112).
 */
public final class HttpGet {
    private HttpGet() {
    }

    /**
     * What the server answered.
     *
     * @param status  the status code of the status line, e.g. 200 or 404
     * @param headers every header field, the name in lower case (HTTP names ignore case), with
     *                all its values in the order they came (a header may come more than once)
     * @param body    the body decoded as UTF-8 (empty if there is none)
     */
    public record Response(int status, Map<String, List<String>> headers, String body) {
    }

    /**
     * Sends {@code GET path HTTP/1.1} to {@code server} and reads the response.
     *
     * <ul>
     *   <li>The request: the request line, a {@code Host: host:port} header (required in
     *       HTTP/1.1; host is {@code server.getHostString()}), an empty line; every line ends
     *       with CRLF ({@code "\r\n"}). Do <em>not</em> send {@code Connection: close}: the server
     *       keeps the connection open, so its end does not mark the end of the body.</li>
     *   <li>The response: a status line ({@code HTTP/1.1 200 OK}), header lines up to an empty
     *       line, then the body. The body is {@code Content-Length} <em>bytes</em> (not
     *       characters: "¡" is two bytes in UTF-8), or, with {@code Transfer-Encoding: chunked},
     *       a series of chunks: a line with the size in hexadecimal, that many bytes, CRLF; a chunk
     *       of size 0 ends the body (followed by an empty line).</li>
     *   <li>A 404 or any other status is a normal response, not an exception.</li>
     *   <li>Connect, and every read, bounded by {@code timeout}; close the socket before returning.</li>
     * </ul>
     *
     * @param server  the server's address
     * @param path    the path asked for, e.g. {@code /index.html}
     * @param timeout the limit for the connection and for each read
     * @return the status, headers and body
     * @throws IOException if the connection fails, times out, or the response is not HTTP
     */
    public static Response get(InetSocketAddress server, String path, Duration timeout) throws IOException {
        throw new UnsupportedOperationException("TODO HttpGet.get: lessons 07-protocols § http");
    }
}
