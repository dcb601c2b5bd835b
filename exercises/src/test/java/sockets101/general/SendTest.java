package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "06-general", section = "send", order = 2)
@Timeout(5)
class SendTest {
    /** Non-ASCII on purpose: text.length() is 25, its UTF-8 bytes are 33. */
    private static final String SPANISH = "¿Qué tal? Año, niño, 🎉 €";

    /** One frame as the peer reads it: the length the sender wrote, and the bytes after it. */
    private record Frame(int length, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Reads one frame by hand, the way a correct receiver does. */
    private static Frame readFrame(Socket peer) throws IOException {
        DataInputStream in = new DataInputStream(peer.getInputStream());
        int length;
        try {
            length = in.readInt();
        } catch (SocketTimeoutException e) {
            throw new AssertionError(say(
                    "no llegó ninguna cabecera de longitud: ¿falta flush()? ¿se escribió algo?",
                    "no length header arrived: is flush() missing? was anything written?"), e);
        }
        assertThat(length).as(say("la cabecera de longitud (4 bytes, big-endian)",
                "the length header (4 bytes, big-endian)")).isBetween(0, 1 << 24);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame(length, body);
    }

    @Test
    @Graded(points = 2, es = "envía la longitud (4 bytes big-endian) y luego el texto",
            en = "sends the length (4 bytes, big-endian), then the text")
    void sendsLengthThenText() throws Exception {
        try (Wire wire = Wire.open()) {
            Send.send(wire.near(), "hola");
            Frame frame = readFrame(wire.far());
            assertThat(frame.length()).as(say("la cabecera de \"hola\": 4 bytes", "the header of \"hola\": 4 bytes"))
                    .isEqualTo(4);
            assertThat(frame.text()).as(say("el texto tras la cabecera", "the text after the header")).isEqualTo("hola");
        }
    }

    @Test
    @Graded(points = 2, es = "la longitud cuenta bytes UTF-8, no caracteres",
            en = "the length counts UTF-8 bytes, not characters")
    void lengthCountsUtf8Bytes() throws Exception {
        byte[] utf8 = SPANISH.getBytes(StandardCharsets.UTF_8);
        try (Wire wire = Wire.open()) {
            Send.send(wire.near(), SPANISH);
            Frame frame = readFrame(wire.far());
            assertThat(frame.length()).as(say(
                    "la cabecera de \"" + SPANISH + "\": " + utf8.length + " bytes UTF-8, no sus "
                            + SPANISH.length() + " caracteres (¿usaste text.length()?)",
                    "the header of \"" + SPANISH + "\": " + utf8.length + " UTF-8 bytes, not its "
                            + SPANISH.length() + " characters (did you use text.length()?)"))
                    .isEqualTo(utf8.length);
            assertThat(frame.body()).as(say("los bytes UTF-8 del texto", "the text's UTF-8 bytes")).isEqualTo(utf8);
        }
    }

    @Test
    @Graded(points = 1, es = "un texto vacío es una trama de longitud 0",
            en = "an empty text is a frame of length 0")
    void emptyTextIsAFrameOfLengthZero() throws Exception {
        try (Wire wire = Wire.open()) {
            Send.send(wire.near(), "");
            Send.send(wire.near(), "x");
            Frame empty = readFrame(wire.far());
            assertThat(empty.length()).as(say("la cabecera de \"\"", "the header of \"\"")).isZero();
            Frame next = readFrame(wire.far());
            assertThat(next.text()).as(say("la trama siguiente, \"x\", justo después de la vacía",
                    "the next frame, \"x\", right after the empty one")).isEqualTo("x");
        }
    }

    @Test
    @Graded(points = 2, es = "la trama llega sin cerrar el socket, que sigue abierto para la siguiente",
            en = "the frame arrives without closing the socket, which stays open for the next one")
    void frameArrivesAndSocketStaysOpen() throws Exception {
        try (Wire wire = Wire.open()) {
            Send.send(wire.near(), "uno");
            assertThat(readFrame(wire.far()).text()).as(say(
                    "la primera trama, leída con el socket aún abierto: ¿hiciste flush()?",
                    "the first frame, read while the socket is still open: did you flush()?")).isEqualTo("uno");
            assertThat(wire.near().isClosed()).as(say(
                    "send() cerró el socket: cerrar el stream de getOutputStream() (p. ej. con try-with-resources) cierra el socket",
                    "send() closed the socket: closing the stream from getOutputStream() (say, in try-with-resources) closes the socket"))
                    .isFalse();
            Send.send(wire.near(), "dos");
            assertThat(readFrame(wire.far()).text()).as(say("la segunda trama por el mismo socket",
                    "the second frame on the same socket")).isEqualTo("dos");
        }
    }

    @Test
    @Graded(points = 1, es = "un texto de 1 MiB llega entero", en = "a 1 MiB text arrives whole")
    void largeTextArrivesWhole() throws Exception {
        String big = SPANISH.repeat((1 << 20) / SPANISH.length());
        byte[] utf8 = big.getBytes(StandardCharsets.UTF_8);
        try (Wire wire = Wire.open()) {
            // The peer reads while send() writes: more than the socket buffers can hold.
            Future<Frame> reading = Wire.background(() -> readFrame(wire.far()));
            Send.send(wire.near(), big);
            Frame frame = Wire.await(reading);
            assertThat(frame.length()).as(say("la cabecera: los bytes UTF-8 del texto grande",
                    "the header: the large text's UTF-8 bytes")).isEqualTo(utf8.length);
            assertThat(frame.body()).as(say("los bytes del texto grande", "the large text's bytes")).isEqualTo(utf8);
        }
    }
}
