package sockets101.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "04-server", section = "listen", order = 2)
@Timeout(5)
class ListenTest {
    /**
     * How long a client waits where the queue should be full. With room in the queue a loopback
     * connect completes in well under a millisecond; with none, Linux drops the SYN and the
     * client would only retry after a whole second.
     */
    private static final int FULL_QUEUE_WAIT_MS = 250;

    @Test
    @Graded(points = 2, es = "se enlaza a la dirección dada, en un puerto libre", en = "binds the address given, on a free port")
    void bindsTheGivenAddress() throws IOException {
        try (ServerSocket server = Listen.listen(Loopback.anyPort(), 5)) {
            assertThat(server.isBound()).as(say("el socket devuelto debe estar enlazado",
                    "the socket returned must be bound")).isTrue();
            assertThat(server.getLocalPort()).as(say("getLocalPort() tras enlazar el puerto 0: el sistema elige uno (1..65535)",
                    "getLocalPort() after binding port 0: the system picks one (1..65535)")).isBetween(1, 65535);
            assertThat(server.getInetAddress()).as(say(
                    "dirección local del socket: se pidió 127.0.0.1; ¿usaste new ServerSocket(port, backlog), que escucha en 0.0.0.0?",
                    "the socket's local address: 127.0.0.1 was asked for; did you use new ServerSocket(port, backlog), which listens on 0.0.0.0?"))
                    .isEqualTo(Loopback.ADDRESS);
        }
    }

    @Test
    @Graded(points = 1, es = "SO_REUSEADDR está activado", en = "SO_REUSEADDR is on")
    void reuseAddressIsOn() throws IOException {
        try (ServerSocket server = Listen.listen(Loopback.anyPort(), 5)) {
            assertThat(server.getReuseAddress()).as(say(
                    "getReuseAddress(): activa SO_REUSEADDR con setReuseAddress(true) antes de bind()",
                    "getReuseAddress(): turn SO_REUSEADDR on with setReuseAddress(true) before bind()")).isTrue();
        }
    }

    @Test
    @Graded(points = 3, es = "backlog clientes completan connect() antes de ningún accept()",
            en = "backlog clients complete connect() before any accept()")
    void backlogClientsConnectBeforeAnyAccept() throws IOException {
        int backlog = 4;
        List<Socket> clients = new ArrayList<>();
        try (ServerSocket server = Listen.listen(Loopback.anyPort(), backlog)) {
            for (int i = 1; i <= backlog; i++) {
                try {
                    clients.add(Loopback.connect(server.getLocalPort()));
                } catch (SocketTimeoutException | ConnectException e) {
                    throw new AssertionError(say(
                            "el cliente " + i + " no completó connect() (" + e + ") sin ningún accept(): con backlog "
                                    + backlog + " deben caber " + backlog + " clientes en la cola",
                            "client " + i + " did not complete connect() (" + e + ") with no accept(): with backlog "
                                    + backlog + " the queue must hold " + backlog + " clients"), e);
                }
            }
            // Every one of them is waiting in the queue, and accept() hands each one over.
            server.setSoTimeout((int) Loopback.DEADLINE.toMillis());
            List<Integer> accepted = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                try (Socket socket = server.accept()) {
                    accepted.add(socket.getPort());
                }
            }
            assertThat(accepted).as(say("puertos de los clientes aceptados: los de los " + backlog + " que esperaban en la cola",
                    "ports of the clients accepted: those of the " + backlog + " waiting in the queue"))
                    .containsExactlyInAnyOrderElementsOf(clients.stream().map(Socket::getLocalPort).toList());
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    @Graded(points = 3, es = "con la cola llena, el siguiente cliente espera: se respeta el backlog",
            en = "once the queue is full the next client waits: the backlog is honoured")
    void aFullQueueLeavesTheNextClientWaiting() throws IOException {
        int backlog = 1;
        // Linux queues backlog + 1; a little slack for other systems. Java's default backlog is 50.
        int tries = backlog + 3;
        List<Socket> clients = new ArrayList<>();
        try (ServerSocket server = Listen.listen(Loopback.anyPort(), backlog)) {
            while (clients.size() < tries) {
                Socket client = new Socket();
                try {
                    client.connect(server.getLocalSocketAddress(), FULL_QUEUE_WAIT_MS);
                    clients.add(client);
                } catch (SocketTimeoutException | ConnectException e) {
                    // The queue is full: this client was left waiting (or, on some systems, refused).
                    client.close();
                    break;
                }
            }
            assertThat(clients.size()).as(say(
                    "clientes que completaron connect() con backlog " + backlog + " y ningún accept(): al menos " + backlog,
                    "clients that completed connect() with backlog " + backlog + " and no accept(): at least " + backlog))
                    .isGreaterThanOrEqualTo(backlog);
            assertThat(clients.size()).as(say(
                    "clientes que completaron connect() con backlog " + backlog + " y ningún accept(): " + tries
                            + " o más significa que no se respetó el backlog (¿bind(address) sin backlog, o un backlog < 1, que Java convierte en 50?)",
                    "clients that completed connect() with backlog " + backlog + " and no accept(): " + tries
                            + " or more means the backlog was not honoured (bind(address) without a backlog, or a backlog < 1, which Java turns into 50?)"))
                    .isLessThan(tries);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    @Graded(points = 2, es = "un backlog menor que 1 lanza IllegalArgumentException",
            en = "a backlog below 1 throws IllegalArgumentException")
    void aBacklogBelowOneIsRejected() {
        for (int backlog : new int[] {0, -1}) {
            assertThatThrownBy(() -> Listen.listen(Loopback.anyPort(), backlog).close())
                    .as(say("listen(127.0.0.1:0, " + backlog + "): Java convertiría en silencio un backlog < 1 en 50; compruébalo tú",
                            "listen(127.0.0.1:0, " + backlog + "): Java would silently turn a backlog < 1 into 50; check it yourself"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "un puerto ocupado lanza BindException", en = "a port in use throws BindException")
    void aPortInUseThrowsBindException() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(Loopback.anyPort());
            InetSocketAddress address = new InetSocketAddress(Loopback.ADDRESS, taken.getLocalPort());
            assertThatThrownBy(() -> Listen.listen(address, 5).close())
                    .as(say("enlazar " + address + ", que ya escucha otro socket: la BindException debe llegar a quien llama",
                            "binding " + address + ", where another socket listens: the BindException must reach the caller"))
                    .isInstanceOf(BindException.class);
        }
    }
}
