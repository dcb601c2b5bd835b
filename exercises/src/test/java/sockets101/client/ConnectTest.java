package sockets101.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.FullBacklog;
import sockets101.testkit.Loopback;
import sockets101.testkit.Within;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "05-client", section = "connect", order = 1)
@Timeout(5)
class ConnectTest {
    /** The timeout handed to the student's code: a live loopback server answers in far less. */
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** A listener whose full queue makes connects hang; opened by the first test that needs it. */
    private static FullBacklog fullBacklog;

    @AfterAll
    static void closeFullBacklog() throws IOException {
        if (fullBacklog != null) {
            fullBacklog.close();
        }
    }

    @Test
    @Graded(points = 2, es = "connectAny se conecta a un servidor en loopback", en = "connectAny connects to a loopback server")
    void connectsToALoopbackServer() throws Exception {
        try (ServerSocket server = Loopback.listening(50)) {
            InetSocketAddress address = addressOf(server);
            try (Socket socket = connectAny(List.of(address), TIMEOUT);
                 Socket accepted = accept(server)) {
                assertThat(socket.getRemoteSocketAddress()).as(say("el extremo remoto del socket devuelto",
                        "the remote end of the socket returned")).isEqualTo(address);
                socket.getOutputStream().write(42);
                assertThat(accepted.getInputStream().read()).as(say(
                        "el byte que envió el socket devuelto, leído en el servidor",
                        "the byte the socket returned sent, read by the server")).isEqualTo(42);
            }
        }
    }

    @Test
    @Graded(points = 3, es = "salta un candidato que rechaza la conexión y prueba el siguiente",
            en = "skips a candidate that refuses the connection and tries the next")
    void skipsARefusedCandidate() throws Exception {
        InetSocketAddress refused = refusedAddress();
        try (ServerSocket server = Loopback.listening(50)) {
            InetSocketAddress live = addressOf(server);
            try (Socket socket = connectAny(List.of(refused, live), TIMEOUT)) {
                assertThat(socket.getRemoteSocketAddress()).as(say(
                        "el extremo remoto con candidatos [" + refused + " (rechaza), " + live + " (escucha)]: "
                                + "un fallo no acaba la búsqueda; usa un Socket nuevo para cada intento",
                        "the remote end with candidates [" + refused + " (refuses), " + live + " (listens)]: "
                                + "one failure does not end the search; use a new Socket for each attempt"))
                        .isEqualTo(live);
            }
        }
    }

    @Test
    @Graded(points = 3, es = "si todos fallan, lanza el último fallo con los anteriores como suprimidos",
            en = "if all fail, throws the last failure with the earlier ones suppressed")
    void allFailThrowsTheLastFailureWithTheEarlierSuppressed() throws Exception {
        InetSocketAddress hanging = hanging();
        InetSocketAddress refused = refusedAddress();
        List<InetSocketAddress> candidates = List.of(hanging, refused, refused);
        String tried = "[" + hanging + " (" + say("no responde", "does not answer") + "), " + refused + " ("
                + say("rechaza", "refuses") + ") x2]";
        Throwable thrown = failureOf(candidates, Duration.ofMillis(150));
        assertThat(thrown).as(say("lo lanzado con " + tried + ": el fallo del último candidato (ConnectException)",
                        "what is thrown with " + tried + ": the last candidate's failure (ConnectException)"))
                .isInstanceOf(ConnectException.class);
        List<String> suppressed = Arrays.stream(thrown.getSuppressed()).map(t -> t.getClass().getSimpleName()).toList();
        assertThat(suppressed).as(say(
                        "los tipos de los suprimidos con " + tried + ": los fallos anteriores, en orden, con addSuppressed",
                        "the types of the suppressed with " + tried + ": the earlier failures, in order, with addSuppressed"))
                .hasSize(2);
        assertThat(thrown.getSuppressed()[0]).as(say("el primer suprimido: el connect sin respuesta agotó su timeout",
                "the first suppressed: the connect with no answer ran out of time")).isInstanceOf(SocketTimeoutException.class);
        assertThat(thrown.getSuppressed()[1]).as(say("el segundo suprimido: conexión rechazada",
                "the second suppressed: connection refused")).isInstanceOf(ConnectException.class);
    }

    @Test
    @Graded(points = 3, es = "cada intento respeta el timeout (un candidato que no responde)",
            en = "each attempt honours the timeout (a candidate that does not answer)")
    void eachAttemptHonoursTheTimeout() throws Exception {
        InetSocketAddress hanging = hanging();
        long start = System.nanoTime();
        Throwable thrown = failureOf(List.of(hanging), TIMEOUT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(thrown).as(say("lo lanzado al conectar a " + hanging + ", que no responde, con timeout de "
                        + TIMEOUT.toMillis() + " ms: usa socket.connect(address, timeout)",
                "what is thrown connecting to " + hanging + ", which does not answer, with a timeout of "
                        + TIMEOUT.toMillis() + " ms: use socket.connect(address, timeout)"))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(millis).as(say("milisegundos que tardó en rendirse con un timeout de " + TIMEOUT.toMillis() + " ms",
                        "milliseconds it took to give up with a timeout of " + TIMEOUT.toMillis() + " ms"))
                .isBetween(TIMEOUT.toMillis() / 2, 1500L); // slack for a loaded grading machine; Within stops it at 2 s
    }

    @Test
    @Graded(points = 2, es = "connect resuelve un nombre (\"localhost\") y se conecta",
            en = "connect resolves a name (\"localhost\") and connects")
    void connectResolvesAName() throws Exception {
        Assumptions.assumeTrue(Arrays.asList(InetAddress.getAllByName("localhost")).contains(Loopback.ADDRESS),
                "localhost does not resolve to " + Loopback.ADDRESS + " here / localhost no resuelve a " + Loopback.ADDRESS);
        try (ServerSocket server = Loopback.listening(50)) {
            int port = server.getLocalPort();
            try (Socket socket = Within.call(Loopback.DEADLINE, () -> Connect.connect("localhost", port, TIMEOUT),
                    "connect(\"localhost\", " + port + ", 300 ms)", "connect(\"localhost\", " + port + ", 300 ms)");
                 Socket accepted = accept(server)) {
                assertThat(socket.getRemoteSocketAddress()).as(say("el extremo remoto de connect(\"localhost\", " + port + ", ...)",
                        "the remote end of connect(\"localhost\", " + port + ", ...)")).isEqualTo(addressOf(server));
                assertThat(accepted.getPort()).as(say("el cliente que aceptó el servidor es el socket devuelto",
                        "the client the server accepted is the socket returned")).isEqualTo(socket.getLocalPort());
            }
        }
    }

    @Test
    @Graded(points = 1, es = "un puerto fuera de 1..65535 lanza IllegalArgumentException",
            en = "a port outside 1..65535 throws IllegalArgumentException")
    void rejectsAPortOutOfRange() {
        for (int port : new int[] {0, -1, 65536}) {
            assertThatThrownBy(() -> Connect.connect("localhost", port, TIMEOUT).close())
                    .as(say("connect(\"localhost\", " + port + ", ...): los puertos van de 1 a 65535",
                            "connect(\"localhost\", " + port + ", ...): ports go from 1 to 65535"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // 1 and 65535 are ports: trying them may fail (nothing listens there), but not as an argument error.
        for (int port : new int[] {1, 65535}) {
            Throwable thrown = catchThrowable(() -> Connect.connect("localhost", port, TIMEOUT).close());
            assertThat(thrown).as(say("connect(\"localhost\", " + port + ", ...): " + port + " es un puerto válido (1..65535, ambos incluidos)",
                            "connect(\"localhost\", " + port + ", ...): " + port + " is a valid port (1..65535, both included)"))
                    .isNotInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "un timeout <= 0 lanza IllegalArgumentException", en = "a timeout <= 0 throws IllegalArgumentException")
    void rejectsATimeoutNotAboveZero() throws IOException {
        InetSocketAddress refused = refusedAddress();
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
            assertThatThrownBy(() -> Connect.connectAny(List.of(refused), timeout).close())
                    .as(say("connectAny([...], " + timeout.toMillis() + " ms): para Socket.connect un timeout de 0 es esperar para siempre",
                            "connectAny([...], " + timeout.toMillis() + " ms): to Socket.connect a timeout of 0 means wait for ever"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Connect.connect("localhost", refused.getPort(), timeout).close())
                    .as(say("connect(\"localhost\", " + refused.getPort() + ", " + timeout.toMillis() + " ms): el timeout debe ser mayor que 0",
                            "connect(\"localhost\", " + refused.getPort() + ", " + timeout.toMillis() + " ms): the timeout must be above 0"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "una lista vacía lanza IllegalArgumentException", en = "an empty list throws IllegalArgumentException")
    void rejectsAnEmptyList() {
        assertThatThrownBy(() -> Connect.connectAny(List.of(), TIMEOUT).close())
                .as(say("connectAny([], ...): sin candidatos no hay a qué conectar", "connectAny([], ...): no candidates, nothing to connect to"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code connectAny}, which may hang if it ignores its timeout: bounded by the test's own deadline. */
    private static Socket connectAny(List<InetSocketAddress> candidates, Duration timeout) throws Exception {
        return Within.call(Loopback.DEADLINE, () -> Connect.connectAny(candidates, timeout),
                "connectAny(" + candidates + ", " + timeout.toMillis() + " ms): ¿respeta el timeout en cada intento?",
                "connectAny(" + candidates + ", " + timeout.toMillis() + " ms): does each attempt honour the timeout?");
    }

    /** What {@code connectAny} throws, where every candidate fails; connecting fails the test. */
    private static IOException failureOf(List<InetSocketAddress> candidates, Duration timeout) throws Exception {
        Socket socket;
        try {
            socket = connectAny(candidates, timeout);
        } catch (IOException e) {
            return e;
        }
        socket.close();
        throw new AssertionError(say("connectAny(" + candidates + ") debía fallar, pero se conectó a " + socket.getRemoteSocketAddress(),
                "connectAny(" + candidates + ") had to fail, but it connected to " + socket.getRemoteSocketAddress()));
    }

    /** An address that does not answer at all: its connects hang until they time out. */
    private static synchronized InetSocketAddress hanging() throws IOException {
        if (fullBacklog == null) {
            fullBacklog = FullBacklog.open();
        }
        return fullBacklog.address();
    }

    /** A loopback port nobody listens on (just freed): a connect to it is refused at once. */
    private static InetSocketAddress refusedAddress() throws IOException {
        try (ServerSocket freed = Loopback.listening(50)) {
            return addressOf(freed);
        }
    }


    private static InetSocketAddress addressOf(ServerSocket server) {
        return new InetSocketAddress(Loopback.ADDRESS, server.getLocalPort());
    }

    private static Socket accept(ServerSocket server) throws IOException {
        server.setSoTimeout((int) Loopback.DEADLINE.toMillis());
        return server.accept();
    }
}
