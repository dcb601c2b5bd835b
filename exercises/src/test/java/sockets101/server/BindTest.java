package sockets101.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "04-server", section = "bind", order = 1)
@Timeout(5)
class BindTest {

    @Test
    @Graded(points = 2, es = "el puerto 0 se enlaza a un puerto libre", en = "port 0 binds a free port")
    void portZeroBindsAFreePort() throws IOException {
        try (ServerSocket server = Bind.bind(Loopback.anyPort())) {
            assertThat(server.isBound()).as(say("el socket devuelto debe estar enlazado",
                    "the socket returned must be bound")).isTrue();
            assertThat(server.getLocalPort()).as(say("getLocalPort() tras enlazar el puerto 0: el sistema elige uno (1..65535)",
                    "getLocalPort() after binding port 0: the system picks one (1..65535)")).isBetween(1, 65535);
        }
    }

    @Test
    @Graded(points = 2, es = "se enlaza a la dirección dada, no a todas las interfaces",
            en = "binds the address given, not every interface")
    void bindsTheGivenAddress() throws IOException {
        try (ServerSocket server = Bind.bind(Loopback.anyPort())) {
            assertThat(server.getInetAddress()).as(say(
                    "dirección local del socket: se pidió 127.0.0.1; ¿usaste new ServerSocket(port), que escucha en 0.0.0.0?",
                    "the socket's local address: 127.0.0.1 was asked for; did you use new ServerSocket(port), which listens on 0.0.0.0?"))
                    .isEqualTo(Loopback.ADDRESS);
        }
    }

    @Test
    @Graded(points = 2, es = "un cliente se conecta al puerto enlazado", en = "a client connects to the bound port")
    void aClientConnectsToTheBoundPort() throws IOException {
        try (ServerSocket server = Bind.bind(Loopback.anyPort());
             Socket client = Loopback.connect(server.getLocalPort());
             Socket accepted = server.accept()) {
            client.getOutputStream().write(42);
            assertThat(accepted.getInputStream().read()).as(say(
                    "el byte que envió el cliente, leído en el servidor", "the byte the client sent, read by the server"))
                    .isEqualTo(42);
        }
    }

    @Test
    @Graded(points = 1, es = "SO_REUSEADDR está activado", en = "SO_REUSEADDR is on")
    void reuseAddressIsOn() throws IOException {
        try (ServerSocket server = Bind.bind(Loopback.anyPort())) {
            assertThat(server.getReuseAddress()).as(say(
                    "getReuseAddress(): activa SO_REUSEADDR con setReuseAddress(true) antes de bind()",
                    "getReuseAddress(): turn SO_REUSEADDR on with setReuseAddress(true) before bind()")).isTrue();
        }
    }

    @Test
    @Graded(points = 2, es = "un puerto en TIME_WAIT se vuelve a enlazar enseguida",
            en = "a port in TIME_WAIT binds again at once")
    void aPortInTimeWaitBindsAgain() throws IOException {
        InetSocketAddress address;
        try (ServerSocket server = Bind.bind(Loopback.anyPort());
             Socket client = Loopback.connect(server.getLocalPort())) {
            address = new InetSocketAddress(Loopback.ADDRESS, server.getLocalPort());
            // The server closes its side first, so its port is left in TIME_WAIT.
            server.accept().close();
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
        try (ServerSocket again = Bind.bind(address)) {
            assertThat(again.getLocalPort()).isEqualTo(address.getPort());
        } catch (BindException e) {
            throw new AssertionError(say(
                    "no se pudo volver a enlazar " + address + " (TIME_WAIT): activa SO_REUSEADDR antes de enlazar",
                    "could not bind " + address + " again (TIME_WAIT): turn SO_REUSEADDR on before binding"), e);
        }
    }

    @Test
    @Graded(points = 2, es = "un puerto ocupado lanza BindException", en = "a port in use throws BindException")
    void aPortInUseThrowsBindException() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(Loopback.anyPort());
            InetSocketAddress address = new InetSocketAddress(Loopback.ADDRESS, taken.getLocalPort());
            assertThatThrownBy(() -> Bind.bind(address).close())
                    .as(say("enlazar " + address + ", que ya escucha otro socket: la BindException debe llegar a quien llama",
                            "binding " + address + ", where another socket listens: the BindException must reach the caller"))
                    .isInstanceOf(BindException.class);
        }
    }
}
