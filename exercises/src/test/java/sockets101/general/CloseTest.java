package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "06-general", section = "close", order = 6)
@Timeout(5)
class CloseTest {
    private static final Duration WAIT = Loopback.DEADLINE;
    /** The timeout where a timeout is the expected outcome. */
    private static final Duration SHORT = Duration.ofMillis(200);

    /**
     * A server for one connection, on loopback: it reads the request to the end of the stream
     * and only then answers {@code reply.apply(request)} and closes; with no {@code reply} it
     * answers nothing and holds the connection open until the test ends.
     */
    private static final class OneShotServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket();
        private final CompletableFuture<Socket> connection = new CompletableFuture<>();
        private final CompletableFuture<String> request = new CompletableFuture<>();
        private final CountDownLatch release = new CountDownLatch(1);

        OneShotServer(UnaryOperator<String> reply) throws IOException {
            listener.bind(Loopback.anyPort());
            listener.setSoTimeout((int) WAIT.toMillis());
            Thread thread = new Thread(() -> serve(reply), "one-shot-server");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        private void serve(UnaryOperator<String> reply) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout((int) WAIT.toMillis());
                connection.complete(socket);
                String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                request.complete(text);
                if (reply == null) {
                    release.await();
                } else {
                    socket.getOutputStream().write(reply.apply(text).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | InterruptedException e) {
                connection.completeExceptionally(e);
                request.completeExceptionally(e);
            }
        }

        /** What the server read before the end of the stream. */
        String request() throws Exception {
            return request.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            release.countDown();
            listener.close();
        }
    }

    /** Close.request with a generous timeout, where no timeout should happen. */
    private static String call(InetSocketAddress server, String request) throws IOException {
        try {
            return Close.request(server, request, WAIT);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(say(
                    "no llegó respuesta: el servidor responde solo cuando lee el final de la petición; ¿llamaste a shutdownOutput()?",
                    "no reply came: the server answers only once it reads the end of the request; did you call shutdownOutput()?"), e);
        } catch (SocketException e) {
            throw new AssertionError(say(
                    "el socket falló (" + e.getMessage() + "): cerrar el stream de getOutputStream() cierra el socket entero; "
                            + "para terminar la petición usa shutdownOutput()",
                    "the socket failed (" + e.getMessage() + "): closing the stream from getOutputStream() closes the whole socket; "
                            + "to end the request use shutdownOutput()"), e);
        }
    }

    @Test
    @Graded(points = 3, es = "envía la petición, cierra la escritura (shutdownOutput) y lee la respuesta",
            en = "sends the request, closes its sending side (shutdownOutput) and reads the reply")
    void halfClosesThenReadsTheReply() throws Exception {
        try (OneShotServer server = new OneShotServer(request -> "eco: " + request)) {
            String reply = call(server.address(), "hola");
            assertThat(server.request()).as(say("la petición que leyó el servidor hasta el fin del flujo",
                    "the request the server read up to the end of the stream")).isEqualTo("hola");
            assertThat(reply).as(say("la respuesta del servidor", "the server's reply")).isEqualTo("eco: hola");
        }
    }

    @Test
    @Graded(points = 1, es = "petición y respuesta en UTF-8", en = "request and reply in UTF-8")
    void utf8BothWays() throws Exception {
        String request = "¿Qué hora es? 🕛";
        try (OneShotServer server = new OneShotServer(text -> "Son las doce, señor: " + text)) {
            String reply = call(server.address(), request);
            assertThat(server.request()).as(say("la petición, en bytes UTF-8", "the request, as UTF-8 bytes")).isEqualTo(request);
            assertThat(reply).as(say("la respuesta, decodificada con UTF-8", "the reply, decoded as UTF-8"))
                    .isEqualTo("Son las doce, señor: " + request);
        }
    }

    @Test
    @Graded(points = 2, es = "una respuesta de 1 MiB (muchas lecturas) llega entera",
            en = "a 1 MiB reply (many reads) arrives whole")
    void largeReplyArrivesWhole() throws Exception {
        // One ASCII byte first, then 2-, 3- and 4-byte characters: read boundaries fall inside them.
        String big = "a" + "ñ€🎉 ".repeat(100_000);
        try (OneShotServer server = new OneShotServer(text -> big)) {
            String reply = call(server.address(), "dame mucho");
            assertThat(reply.length()).as(say("la longitud de la respuesta: lee hasta el fin del flujo",
                    "the length of the reply: read up to the end of the stream")).isEqualTo(big.length());
            assertThat(reply.equals(big)).as(say(
                    "la respuesta, igual a la enviada: decodifica todos los bytes juntos (un carácter puede quedar partido entre dos lecturas)",
                    "the reply, equal to what was sent: decode all the bytes together (a character may be split between two reads)"))
                    .isTrue();
        }
    }

    @Test
    @Timeout(2)
    @Graded(points = 2, es = "un servidor que no responde: SocketTimeoutException al acabar el plazo",
            en = "a server that never replies: SocketTimeoutException when the timeout ends")
    void silentServerTimesOut() throws Exception {
        try (OneShotServer server = new OneShotServer(null)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Close.request(server.address(), "¿hola?", SHORT)).as(say(
                            "el servidor lee la petición y calla; con un plazo de 200 ms: SocketTimeoutException (setSoTimeout)",
                            "the server reads the request and says nothing; with a 200 ms timeout: SocketTimeoutException (setSoTimeout)"))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).as(say(
                    "milisegundos hasta la excepción, con un plazo de 200 ms", "milliseconds until the exception, with a 200 ms timeout"))
                    .isLessThan(1500L);
        }
    }

    @Test
    @Timeout(3)
    @Graded(points = 1, es = "tras un fallo el socket queda cerrado", en = "after a failure the socket is closed")
    void socketIsClosedAfterATimeout() throws Exception {
        try (OneShotServer server = new OneShotServer(null)) {
            assertThatThrownBy(() -> Close.request(server.address(), "¿hola?", SHORT))
                    .as(say("el servidor calla: SocketTimeoutException", "the server says nothing: SocketTimeoutException"))
                    .isInstanceOf(SocketTimeoutException.class);
            Socket accepted = server.connection.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(peerIsGone(accepted)).as(say(
                    "el servidor escribe al cliente tras el fallo y el cliente sigue abierto: cierra el socket también cuando hay "
                            + "una excepción (try-with-resources)",
                    "the server writes to the client after the failure and the client is still open: close the socket also "
                            + "when there is an exception (try-with-resources)")).isTrue();
        }
    }

    /**
     * Whether the other end of {@code socket} is closed: a closed end answers data with a reset,
     * so a write soon fails. Polls with a deadline; the few bytes written fit any buffer.
     */
    private static boolean peerIsGone(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
            try {
                out.write('.');
                out.flush();
            } catch (IOException e) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        return false;
    }

    @Test
    @Timeout(2)
    @Graded(points = 1, es = "connect también respeta el plazo", en = "connect also keeps to the timeout")
    void connectKeepsToTheTimeout() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket()) {
            // Backlog 1 and no accept(): once the queue is full, the system drops new connection requests.
            full.bind(Loopback.anyPort(), 1);
            boolean isFull = false;
            for (int i = 0; i < 8 && !isFull; i++) {
                Socket probe = new Socket();
                queued.add(probe);
                try {
                    probe.connect(full.getLocalSocketAddress(), 50);
                } catch (SocketTimeoutException e) {
                    isFull = true;
                } catch (ConnectException e) {
                    abort(say("este sistema rechaza las conexiones a una cola llena en lugar de ignorarlas: no se puede probar aquí",
                            "this system refuses connections to a full queue instead of ignoring them: cannot be tested here"));
                }
            }
            if (!isFull) {
                abort(say("la cola de conexiones no se llenó: no se puede probar aquí",
                        "the connection queue did not fill up: cannot be tested here"));
            }
            InetSocketAddress address = (InetSocketAddress) full.getLocalSocketAddress();
            long start = System.nanoTime();
            assertThatThrownBy(() -> Close.request(address, "hola", SHORT)).as(say(
                            "un servidor que nunca acepta la conexión, con un plazo de 200 ms: SocketTimeoutException "
                                    + "(connect(address, timeout), no new Socket(host, port))",
                            "a server that never accepts the connection, with a 200 ms timeout: SocketTimeoutException "
                                    + "(connect(address, timeout), not new Socket(host, port))"))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).as(say(
                    "milisegundos hasta la excepción, con un plazo de 200 ms", "milliseconds until the exception, with a 200 ms timeout"))
                    .isLessThan(1500L);
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }
}
