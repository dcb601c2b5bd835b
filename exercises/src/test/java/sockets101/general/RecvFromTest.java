package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.grader.Student;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "06-general", section = "recvfrom", order = 4)
@Timeout(5)
class RecvFromTest {
    private static final String SPANISH = "¿Qué tal? Año, niño, 🎉 €";
    private static final Duration WAIT = Loopback.DEADLINE;

    /** The student's socket and the test's sender, both bound on loopback. */
    private record Pair(DatagramSocket receiver, DatagramSocket sender) implements AutoCloseable {
        static Pair open() throws IOException {
            DatagramSocket receiver = Student.datagramSocket(Loopback.anyPort());
            try {
                return new Pair(receiver, new DatagramSocket(Loopback.anyPort()));
            } catch (IOException e) {
                receiver.close();
                throw e;
            }
        }

        void send(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            sender.send(new DatagramPacket(bytes, bytes.length, receiver.getLocalSocketAddress()));
        }

        @Override
        public void close() {
            receiver.close();
            sender.close();
        }
    }

    @Test
    @Graded(points = 2, es = "devuelve solo los bytes recibidos, no el búfer entero",
            en = "returns only the bytes received, not the whole buffer")
    void returnsOnlyTheBytesReceived() throws IOException {
        try (Pair pair = Pair.open()) {
            pair.send("hola");
            RecvFrom.Datagram datagram = RecvFrom.recvFrom(pair.receiver(), 1024, WAIT);
            assertThat(datagram.text()).as(say(
                    "el texto de un datagrama de 4 bytes recibido en un búfer de 1024: decodifica solo getLength() bytes, "
                            + "no el búfer entero con sus ceros",
                    "the text of a 4-byte datagram received into a 1024-byte buffer: decode only getLength() bytes, "
                            + "not the whole buffer with its zeros"))
                    .isEqualTo("hola");
        }
    }

    @Test
    @Graded(points = 2, es = "devuelve la dirección y el puerto de quien envió",
            en = "returns the address and port of the sender")
    void returnsTheSender() throws IOException {
        try (Pair pair = Pair.open()) {
            pair.send("¿quién?");
            RecvFrom.Datagram datagram = RecvFrom.recvFrom(pair.receiver(), 1024, WAIT);
            InetSocketAddress expected = (InetSocketAddress) pair.sender().getLocalSocketAddress();
            assertThat(datagram.sender()).as(say(
                    "el remitente: el socket que envió, " + expected + " (packet.getSocketAddress()), no el socket que recibe",
                    "the sender: the socket that sent, " + expected + " (packet.getSocketAddress()), not the receiving socket"))
                    .isEqualTo(expected);
        }
    }

    @Test
    @Graded(points = 1, es = "decodifica UTF-8", en = "decodes UTF-8")
    void decodesUtf8() throws IOException {
        try (Pair pair = Pair.open()) {
            pair.send(SPANISH);
            assertThat(RecvFrom.recvFrom(pair.receiver(), 1024, WAIT).text())
                    .as(say("el texto de un datagrama con ñ, € y 🎉", "the text of a datagram holding ñ, € and 🎉"))
                    .isEqualTo(SPANISH);
        }
    }

    @Test
    @Graded(points = 1, es = "un datagrama más largo que maxBytes se corta a maxBytes",
            en = "a datagram longer than maxBytes is cut to maxBytes")
    void truncatesToMaxBytes() throws IOException {
        try (Pair pair = Pair.open()) {
            pair.send("0123456789ABCDEF");
            assertThat(RecvFrom.recvFrom(pair.receiver(), 10, WAIT).text()).as(say(
                    "un datagrama de 16 bytes con maxBytes = 10: sus 10 primeros bytes (usa un búfer de maxBytes)",
                    "a 16-byte datagram with maxBytes = 10: its first 10 bytes (use a buffer of maxBytes)"))
                    .isEqualTo("0123456789");
        }
    }

    @Test
    @Timeout(2)
    @Graded(points = 2, es = "sin datagramas: SocketTimeoutException al acabar el plazo",
            en = "no datagram: SocketTimeoutException when the timeout ends")
    void timesOut() throws IOException {
        Duration timeout = Duration.ofMillis(200);
        try (Pair pair = Pair.open()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RecvFrom.recvFrom(pair.receiver(), 1024, timeout)).as(say(
                            "nadie envía y el plazo es de 200 ms: SocketTimeoutException (setSoTimeout en milisegundos; 0 es esperar siempre)",
                            "nobody sends and the timeout is 200 ms: SocketTimeoutException (setSoTimeout in milliseconds; 0 waits forever)"))
                    .isInstanceOf(SocketTimeoutException.class);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(millis).as(say("milisegundos hasta la excepción, con un plazo de 200 ms",
                    "milliseconds until the exception, with a 200 ms timeout")).isBetween(150L, 1500L);
        }
    }
}
