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
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "06-general", section = "sendto", order = 5)
@Timeout(5)
class SendToTest {
    private static final int MAX_DATAGRAM = 65_507;
    private static final String SPANISH = "¿Qué tal? Año, niño, 🎉 €";

    /** The student's socket and the test's receiver, both bound on loopback. */
    private record Pair(DatagramSocket sender, DatagramSocket receiver) implements AutoCloseable {
        static Pair open() throws IOException {
            DatagramSocket sender = Student.datagramSocket(Loopback.anyPort());
            try {
                // Room for a 65,507-byte datagram where the default send buffer is smaller (macOS).
                sender.setSendBufferSize(128 * 1024);
                DatagramSocket receiver = new DatagramSocket(Loopback.anyPort());
                receiver.setSoTimeout((int) Loopback.DEADLINE.toMillis());
                return new Pair(sender, receiver);
            } catch (IOException e) {
                sender.close();
                throw e;
            }
        }

        InetSocketAddress target() {
            return (InetSocketAddress) receiver.getLocalSocketAddress();
        }

        /** The next datagram's bytes, exactly as many as arrived. */
        byte[] receive() throws IOException {
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            try {
                receiver.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError(say("no llegó ningún datagrama al receptor " + target(),
                        "no datagram reached the receiver " + target()), e);
            }
            return Arrays.copyOf(packet.getData(), packet.getLength());
        }

        /** After a rejected call: the next datagram is the test's own marker, so nothing was sent. */
        void assertNothingSent() throws IOException {
            byte[] marker = {'#'};
            try (DatagramSocket other = new DatagramSocket(Loopback.anyPort())) {
                other.send(new DatagramPacket(marker, 1, target()));
            }
            assertThat(receive()).as(say("lo siguiente que recibe el receptor: nada debió enviarse antes",
                    "the next thing the receiver gets: nothing should have been sent before")).isEqualTo(marker);
        }

        @Override
        public void close() {
            sender.close();
            receiver.close();
        }
    }

    @Test
    @Graded(points = 2, es = "envía un datagrama con el texto y devuelve los bytes enviados",
            en = "sends one datagram with the text and returns the bytes sent")
    void sendsTheText() throws IOException {
        try (Pair pair = Pair.open()) {
            int sent = SendTo.sendTo(pair.sender(), "hola", pair.target());
            assertThat(new String(pair.receive(), StandardCharsets.UTF_8)).as(say("el datagrama recibido", "the datagram received"))
                    .isEqualTo("hola");
            assertThat(sent).as(say("el valor devuelto: bytes enviados", "the value returned: bytes sent")).isEqualTo(4);
        }
    }

    @Test
    @Graded(points = 2, es = "envía bytes UTF-8 y devuelve cuántos bytes, no caracteres",
            en = "sends UTF-8 bytes and returns how many bytes, not characters")
    void countsUtf8Bytes() throws IOException {
        byte[] utf8 = SPANISH.getBytes(StandardCharsets.UTF_8);
        try (Pair pair = Pair.open()) {
            int sent = SendTo.sendTo(pair.sender(), SPANISH, pair.target());
            assertThat(pair.receive()).as(say("los bytes UTF-8 de \"" + SPANISH + "\"", "the UTF-8 bytes of \"" + SPANISH + "\""))
                    .isEqualTo(utf8);
            assertThat(sent).as(say(
                    "el valor devuelto: " + utf8.length + " bytes, no los " + SPANISH.length() + " caracteres de text.length()",
                    "the value returned: " + utf8.length + " bytes, not the " + SPANISH.length() + " characters of text.length()"))
                    .isEqualTo(utf8.length);
        }
    }

    @Test
    @Graded(points = 1, es = "65.507 bytes caben en un solo datagrama", en = "65,507 bytes fit in one datagram")
    void largestDatagramGoesWhole() throws IOException {
        String text = "x".repeat(MAX_DATAGRAM);
        try (Pair pair = Pair.open()) {
            int sent = SendTo.sendTo(pair.sender(), text, pair.target());
            assertThat(pair.receive().length).as(say("el tamaño del primer datagrama recibido: el texto entero, de una vez",
                    "the size of the first datagram received: the whole text, at once")).isEqualTo(MAX_DATAGRAM);
            assertThat(sent).as(say("el valor devuelto", "the value returned")).isEqualTo(MAX_DATAGRAM);
        }
    }

    @Test
    @Graded(points = 1, es = "más de 65.507 bytes: IllegalArgumentException, nada enviado",
            en = "more than 65,507 bytes: IllegalArgumentException, nothing sent")
    void tooLongIsRejected() throws IOException {
        try (Pair pair = Pair.open()) {
            assertThatThrownBy(() -> SendTo.sendTo(pair.sender(), "x".repeat(MAX_DATAGRAM + 1), pair.target()))
                    .as(say("un texto de 65.508 bytes: el máximo de UDP sobre IPv4 es 65.507 (65.535 menos 8 de UDP y 20 de IP)",
                            "a text of 65,508 bytes: UDP's maximum over IPv4 is 65,507 (65,535 minus 8 for UDP and 20 for IP)"))
                    .isInstanceOf(IllegalArgumentException.class);
            pair.assertNothingSent();
        }
    }

    @Test
    @Graded(points = 2, es = "el límite cuenta bytes UTF-8, no caracteres",
            en = "the limit counts UTF-8 bytes, not characters")
    void limitCountsBytes() throws IOException {
        String text = "ñ".repeat(MAX_DATAGRAM / 2 + 1);  // 32,754 characters, 65,508 bytes
        try (Pair pair = Pair.open()) {
            assertThatThrownBy(() -> SendTo.sendTo(pair.sender(), text, pair.target()))
                    .as(say("un texto de " + text.length() + " caracteres 'ñ', que son 65.508 bytes UTF-8: cuenta los bytes",
                            "a text of " + text.length() + " 'ñ' characters, which are 65,508 UTF-8 bytes: count the bytes"))
                    .isInstanceOf(IllegalArgumentException.class);
            pair.assertNothingSent();
        }
    }

    @Test
    @Graded(points = 1, es = "un destino sin resolver: IllegalArgumentException",
            en = "an unresolved target: IllegalArgumentException")
    void unresolvedTargetIsRejected() throws IOException {
        // RFC 2606 reserves .invalid: the name never resolves, and it is never looked up here.
        InetSocketAddress unresolved = InetSocketAddress.createUnresolved("nowhere.invalid", 9);
        try (Pair pair = Pair.open()) {
            assertThatThrownBy(() -> SendTo.sendTo(pair.sender(), "hola", unresolved))
                    .as(say("el destino " + unresolved + " no tiene dirección", "the target " + unresolved + " has no address"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
