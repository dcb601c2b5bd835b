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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
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
    static void stop() {
        server.stop(0);
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
}
