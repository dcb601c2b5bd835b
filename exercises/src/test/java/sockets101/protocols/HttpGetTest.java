package sockets101.protocols;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "http", order = 1)
@Timeout(5)
class HttpGetTest {
    /** Two bytes in UTF-8 for "¡": a body of 14 bytes but 13 characters. */
    static final String HELLO = "¡Hola, mundo!";
    static final List<String> CHUNKS = List.of("primer trozo; ", "segundo trozo; ", "tercero y último");

    static HttpServer server;
    static InetSocketAddress address;
    static final AtomicReference<String> requestLine = new AtomicReference<>();
    static final AtomicReference<Headers> requestHeaders = new AtomicReference<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(Loopback.anyPort(), 10);
        server.createContext("/hello", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("X-Course", "sockets101");
            exchange.getResponseHeaders().add("Set-Cookie", "a=1");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2");
            byte[] body = HELLO.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length); // Content-Length; the connection stays open
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(200, 0); // 0 = length unknown: Transfer-Encoding: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (String chunk : CHUNKS) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/", exchange -> {
            record(exchange);
            byte[] body = "no such page".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        address = new InetSocketAddress(Loopback.ADDRESS, server.getAddress().getPort());
    }

    private static void record(HttpExchange exchange) throws IOException {
        requestLine.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getProtocol());
        requestHeaders.set(exchange.getRequestHeaders());
        exchange.getRequestBody().readAllBytes();
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        raw.close();
    }

    /**
     * Responses that RFC 9112 allows and the JDK's HttpServer never sends, written byte for byte
     * by a scripted server, by path. Unless the path ends with "-close", the server keeps the
     * connection open after the response, as HTTP/1.1 does: only the response's own framing
     * tells where it ends.
     */
    static final Map<String, String> RAW = Map.of(
            // RFC 9112 § 7.1.1-7.1.2: chunk extensions after ";" and trailer fields after the last chunk.
            "/extensions", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "6;lang=es\r\n¡Hola\r\n" + "1A ; note=\"upper-case hex\"\r\n, mundo! abcdefghijklmnopq\r\n"
                    + "0;end\r\nX-Checksum: 42\r\nX-Other: yes\r\n\r\n",
            // RFC 9112 § 6.3: 1xx, 204 and 304 end at the empty line after the header fields, whatever those say.
            "/no-content", "HTTP/1.1 204 No Content\r\nX-Course: sockets101\r\n\r\n",
            "/not-modified", "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 12\r\n\r\n",
            // RFC 9110 § 15.2: a client must read any 1xx interim responses before the final one.
            "/interim", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nlisto",
            // RFC 9112 § 6.3 item 8: no Content-Length and no chunked: the body ends when the server closes.
            "/until-close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nhasta que cierre\r\nfin",
            // RFC 9110 § 5.1 and RFC 9112 § 7: field names and transfer-coding names ignore case.
            "/any-case", "HTTP/1.1 200 OK\r\ncontent-LENGTH:14\r\nX-COURSE:  sockets101 \r\n\r\n" + HELLO,
            "/coding-case", "HTTP/1.1 200 OK\r\ntransfer-encoding: CHUNKED\r\n\r\n5\r\nhola \r\n5\r\nmundo\r\n0\r\n\r\n");

    static ScriptedServer raw;

    @BeforeAll
    static void startRaw() throws IOException {
        raw = new ScriptedServer((client, s) -> {
            InputStream in = client.getInputStream();
            String requestLine = ScriptedServer.readLine(in);
            for (String line = requestLine; line != null && !line.isEmpty(); line = ScriptedServer.readLine(in)) {
                // the request's header fields: not needed here
            }
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            ScriptedServer.write(client.getOutputStream(), RAW.getOrDefault(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
            if (!path.endsWith("-close")) {
                in.readAllBytes(); // keep the connection open until the client closes it (or the deadline)
            }
        });
    }

    private static HttpGet.Response raw(String path) throws IOException {
        return HttpGet.get(raw.address(), path, Loopback.DEADLINE);
    }

    @Test
    @Graded(points = 2, es = "ignora las extensiones de trozo y los campos de cola (trailer)",
            en = "ignores chunk extensions and trailer fields")
    void chunkExtensionsAndTrailers() throws IOException {
        HttpGet.Response response = raw("/extensions");
        assertThat(response.status()).as(say("código de estado", "status code")).isEqualTo(200);
        assertThat(response.body()).as(say(
                "cuerpo de \"6;lang=es\", \"1A ; note=...\", \"0;end\" y dos campos de cola: el tamaño es el número"
                        + " hexadecimal antes de \";\" (RFC 9112 § 7.1.1); tras el trozo 0 vienen campos hasta una línea vacía",
                "body of \"6;lang=es\", \"1A ; note=...\", \"0;end\" and two trailer fields: the size is the hexadecimal"
                        + " number before \";\" (RFC 9112 § 7.1.1); after the 0 chunk come fields up to an empty line"))
                .isEqualTo("¡Hola, mundo! abcdefghijklmnopq");
    }

    @Test
    @Graded(points = 1, es = "un 204 no tiene cuerpo", en = "a 204 has no body")
    void noContentHasNoBody() throws IOException {
        HttpGet.Response response = raw("/no-content");
        assertThat(response.status()).as(say("código de estado", "status code")).isEqualTo(204);
        assertThat(response.body()).as(say(
                "cuerpo de un 204 sin Content-Length, con la conexión abierta: vacío (RFC 9112 § 6.3); no esperes al cierre",
                "body of a 204 without Content-Length, the connection left open: empty (RFC 9112 § 6.3); do not wait for the close"))
                .isEmpty();
    }

    @Test
    @Graded(points = 1, es = "un 304 no tiene cuerpo aunque traiga Content-Length",
            en = "a 304 has no body even with a Content-Length")
    void notModifiedHasNoBody() throws IOException {
        HttpGet.Response response = raw("/not-modified");
        assertThat(response.status()).as(say("código de estado", "status code")).isEqualTo(304);
        assertThat(response.body()).as(say(
                "cuerpo de un 304 con \"Content-Length: 12\": vacío; ese campo da el tamaño del recurso, no de un cuerpo"
                        + " (RFC 9112 § 6.3: 1xx, 204 y 304 acaban en la línea vacía); mira el estado antes que Content-Length",
                "body of a 304 with \"Content-Length: 12\": empty; that field gives the resource's size, not a body's"
                        + " (RFC 9112 § 6.3: 1xx, 204 and 304 end at the empty line); look at the status before Content-Length"))
                .isEmpty();
    }

    @Test
    @Graded(points = 1, es = "salta las respuestas provisionales 1xx", en = "skips 1xx interim responses")
    void interimResponsesAreSkipped() throws IOException {
        HttpGet.Response response = raw("/interim");
        assertThat(response.status()).as(say(
                "estado tras \"100 Continue\" y \"103 Early Hints\": el de la respuesta final (RFC 9110 § 15.2)",
                "status after \"100 Continue\" and \"103 Early Hints\": the final response's (RFC 9110 § 15.2)"))
                .isEqualTo(200);
        assertThat(response.body()).as(say("cuerpo de la respuesta final", "body of the final response")).isEqualTo("listo");
    }

    @Test
    @Graded(points = 1, es = "sin Content-Length ni chunked, el cuerpo acaba al cerrar",
            en = "without Content-Length or chunked, the body ends at the close")
    void bodyUntilClose() throws IOException {
        assertThat(raw("/until-close").body()).as(say(
                "cuerpo sin Content-Length ni Transfer-Encoding: todo hasta que el servidor cierra (RFC 9112 § 6.3)",
                "body without Content-Length or Transfer-Encoding: everything up to the server's close (RFC 9112 § 6.3)"))
                .isEqualTo("hasta que cierre\r\nfin");
    }

    @Test
    @Graded(points = 1, es = "los nombres de cabecera no distinguen mayúsculas",
            en = "header names ignore case")
    void headerNamesInAnyCase() throws IOException {
        HttpGet.Response response = raw("/any-case");
        assertThat(response.body()).as(say(
                "cuerpo con \"content-LENGTH:14\": el nombre no distingue mayúsculas y el espacio tras \":\" es opcional",
                "body with \"content-LENGTH:14\": the name ignores case and the space after \":\" is optional"))
                .isEqualTo(HELLO);
        assertThat(response.headers().get("x-course")).as(say(
                "valores de \"X-COURSE:  sockets101 \": nombre en minúsculas, valor sin los espacios de alrededor",
                "values of \"X-COURSE:  sockets101 \": the name in lower case, the value without the spaces around it"))
                .containsExactly("sockets101");
    }

    @Test
    @Graded(points = 1, es = "\"chunked\" no distingue mayúsculas", en = "\"chunked\" ignores case")
    void transferCodingInAnyCase() throws IOException {
        assertThat(raw("/coding-case").body()).as(say(
                "cuerpo con \"transfer-encoding: CHUNKED\": los nombres de codificación no distinguen mayúsculas (RFC 9112 § 7)",
                "body with \"transfer-encoding: CHUNKED\": transfer-coding names ignore case (RFC 9112 § 7)"))
                .isEqualTo("hola mundo");
    }

    @Test
    @Graded(points = 3, es = "lee el estado y un cuerpo de Content-Length bytes",
            en = "reads the status and a body of Content-Length bytes")
    void statusAndContentLengthBody() throws IOException {
        HttpGet.Response response = HttpGet.get(address, "/hello", Loopback.DEADLINE);
        assertThat(response.status()).as(say("código de estado de GET /hello", "status code of GET /hello"))
                .isEqualTo(200);
        assertThat(response.body()).as(say(
                "cuerpo de GET /hello: Content-Length cuenta bytes, no caracteres, y el servidor no cierra la conexión",
                "body of GET /hello: Content-Length counts bytes, not characters, and the server does not close the connection"))
                .isEqualTo(HELLO);
    }

    @Test
    @Graded(points = 2, es = "devuelve las cabeceras en minúsculas, con todos sus valores",
            en = "returns the headers in lower case, with every value")
    void headersInLowerCaseWithEveryValue() throws IOException {
        HttpGet.Response response = HttpGet.get(address, "/hello", Loopback.DEADLINE);
        assertThat(response.headers().get("x-course")).as(say("valores de la cabecera x-course",
                "values of header x-course")).containsExactly("sockets101");
        assertThat(response.headers().get("set-cookie")).as(say(
                "valores de set-cookie: la cabecera llega dos veces, guarda los dos en orden",
                "values of set-cookie: the header comes twice, keep both in order")).containsExactly("a=1", "b=2");
    }

    @Test
    @Graded(points = 3, es = "decodifica un cuerpo chunked", en = "decodes a chunked body")
    void chunkedBody() throws IOException {
        HttpGet.Response response = HttpGet.get(address, "/chunked", Loopback.DEADLINE);
        assertThat(response.headers().get("transfer-encoding")).as(say(
                "el servidor de la prueba envía Transfer-Encoding: chunked", "the test's server sends Transfer-Encoding: chunked"))
                .containsExactly("chunked");
        assertThat(response.body()).as(say(
                "cuerpo chunked: los trozos unidos, sin las líneas de tamaño ni el trozo final 0",
                "chunked body: the chunks joined, without the size lines or the last 0 chunk"))
                .isEqualTo(String.join("", CHUNKS));
    }

    @Test
    @Graded(points = 1, es = "un 404 es una respuesta, no una excepción", en = "a 404 is a response, not an exception")
    void notFoundIsAResponse() throws IOException {
        HttpGet.Response response = HttpGet.get(address, "/nowhere", Loopback.DEADLINE);
        assertThat(response.status()).as(say("código de estado de GET /nowhere", "status code of GET /nowhere"))
                .isEqualTo(404);
        assertThat(response.body()).as(say("cuerpo del 404", "body of the 404")).isEqualTo("no such page");
    }

    @Test
    @Graded(points = 1, es = "la petición es GET HTTP/1.1 con Host y sin Connection: close",
            en = "the request is GET HTTP/1.1 with Host and no Connection: close")
    void requestIsHttp11WithHost() throws IOException {
        HttpGet.get(address, "/hello", Loopback.DEADLINE);
        assertThat(requestLine.get()).as(say("línea de petición que recibió el servidor",
                "request line the server received")).isEqualTo("GET /hello HTTP/1.1");
        assertThat(requestHeaders.get().getFirst("Host")).as(say(
                "cabecera Host (obligatoria en HTTP/1.1): host:puerto del servidor",
                "Host header (required in HTTP/1.1): the server's host:port"))
                .isEqualTo(address.getHostString() + ":" + address.getPort());
        assertThat(requestHeaders.get().getFirst("Connection")).as(say(
                "cabecera Connection: no pidas close; el cliente debe saber dónde acaba el cuerpo",
                "Connection header: do not ask for close; the client must know where the body ends"))
                .isNotEqualToIgnoringCase("close");
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> HttpGet.get(silent.address(), "/", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
