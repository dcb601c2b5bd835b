package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

/**
 * The peer writes every frame by hand (never through {@link Send}), so that this exercise is
 * graded on its own.
 */
@Exercise(lesson = "06-general", section = "recv", order = 1)
@Timeout(5)
class RecvTest {
    private static final String SPANISH = "¿Qué tal? Año, niño, 🎉 €";
    /** How long a read may wait where the right answer needs no read at all. */
    private static final int FAIL_FAST_MILLIS = 500;

    /** A frame as Send writes it: 4-byte big-endian length, then the bytes. */
    private static byte[] frame(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] frame(String text) {
        return frame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Socket peer, byte[]... chunks) throws IOException {
        OutputStream out = peer.getOutputStream();
        for (byte[] chunk : chunks) {
            out.write(chunk);
        }
        out.flush();
    }

    private static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    @Test
    @Graded(points = 1, es = "lee una trama", en = "reads a frame")
    void readsAFrame() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), frame("hola"));
            assertThat(Recv.recv(wire.near())).as(say("la trama \"hola\"", "the frame \"hola\"")).isEqualTo("hola");
        }
    }

    @Test
    @Graded(points = 2, es = "decodifica UTF-8: la longitud cuenta bytes, no caracteres",
            en = "decodes UTF-8: the length counts bytes, not characters")
    void decodesUtf8() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), frame(SPANISH), frame("fin"));
            assertThat(Recv.recv(wire.near())).as(say(
                    "una trama de " + SPANISH.getBytes(StandardCharsets.UTF_8).length + " bytes UTF-8: lee bytes y decodifica con UTF-8",
                    "a frame of " + SPANISH.getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes: read bytes, decode as UTF-8"))
                    .isEqualTo(SPANISH);
            assertThat(Recv.recv(wire.near())).as(say("la trama siguiente", "the next frame")).isEqualTo("fin");
        }
    }

    @Test
    @Graded(points = 2, es = "dos tramas seguidas se leen con dos llamadas",
            en = "two frames back to back are read by two calls")
    void twoFramesTwoCalls() throws IOException {
        try (Wire wire = Wire.open()) {
            // Both frames arrive together, before the first call.
            write(wire.far(), frame("primera"), frame("segunda"));
            assertThat(Recv.recv(wire.near())).as(say("la primera trama", "the first frame")).isEqualTo("primera");
            String second;
            try {
                second = Recv.recv(wire.near());
            } catch (SocketTimeoutException e) {
                throw new AssertionError(say(
                        "la segunda trama ya había llegado, pero no se pudo leer: ¿la primera llamada leyó de más "
                                + "(un BufferedInputStream se queda con los bytes siguientes)?",
                        "the second frame had already arrived but could not be read: did the first call read too far "
                                + "(a BufferedInputStream keeps the bytes that follow)?"), e);
            }
            assertThat(second).as(say("la segunda trama", "the second frame")).isEqualTo("segunda");
        }
    }

    @Test
    @Graded(points = 2, es = "una trama que llega a trozos se lee entera",
            en = "a frame that arrives in pieces is read whole")
    void frameInPieces() throws Exception {
        byte[] frame = frame("trozo a trozo: ñandú");
        // Cuts: inside the length, right after it, inside the text, inside the 'ñ'.
        int[] cuts = {0, 2, 4, 9, 20, frame.length};
        try (Wire wire = Wire.open()) {
            Future<String> reading = Wire.background(() -> Recv.recv(wire.near()));
            OutputStream out = wire.far().getOutputStream();
            for (int i = 0; i + 1 < cuts.length; i++) {
                out.write(frame, cuts[i], cuts[i + 1] - cuts[i]);
                out.flush();
                // The next piece is written only once the reader has taken this one.
                Wire.awaitDrained(wire.near(), reading::isDone);
            }
            assertThat(Wire.await(reading)).as(say(
                    "una trama enviada en 5 trozos: un solo read() devuelve solo lo que ha llegado; repite hasta tenerlo todo",
                    "a frame sent in 5 pieces: one read() returns only what has arrived; loop until you have it all"))
                    .isEqualTo("trozo a trozo: ñandú");
        }
    }

    @Test
    @Graded(points = 2, es = "una trama de MAX_FRAME bytes (muchas lecturas) se lee entera",
            en = "a frame of MAX_FRAME bytes (many reads) is read whole")
    void largestFrameIsReadWhole() throws Exception {
        byte[] body = new byte[Recv.MAX_FRAME];
        byte[] alphabet = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < body.length; i += alphabet.length) {
            System.arraycopy(alphabet, 0, body, i, Math.min(alphabet.length, body.length - i));
        }
        // A receive buffer 1/64 of the frame: it can only arrive in many reads.
        try (Wire wire = Wire.open(256 * 1024)) {
            Future<Void> writing = Wire.background(() -> {
                write(wire.far(), header(body.length), body);
                return null;
            });
            String text = Recv.recv(wire.near());
            Wire.await(writing);
            assertThat(text).as(say("una trama de exactamente MAX_FRAME bytes es válida", "a frame of exactly MAX_FRAME bytes is valid"))
                    .isNotNull();
            assertThat(text.length()).as(say("la longitud del texto leído (" + body.length + " bytes enviados)",
                    "the length of the text read (" + body.length + " bytes sent)")).isEqualTo(body.length);
            assertThat(text).as(say("el texto leído", "the text read")).isEqualTo(new String(body, StandardCharsets.US_ASCII));
        }
    }

    @Test
    @Graded(points = 1, es = "una trama vacía es \"\", no null", en = "an empty frame is \"\", not null")
    void emptyFrameIsEmptyText() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), header(0), frame("después"));
            assertThat(Recv.recv(wire.near())).as(say("la trama de longitud 0", "the frame of length 0")).isEqualTo("");
            assertThat(Recv.recv(wire.near())).as(say("la trama siguiente", "the next frame")).isEqualTo("después");
        }
    }

    @Test
    @Graded(points = 2, es = "null si el otro extremo cerró antes de empezar una trama",
            en = "null if the peer closed before a frame began")
    void nullWhenPeerClosedBetweenFrames() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), frame("última"));
            wire.far().shutdownOutput();
            assertThat(Recv.recv(wire.near())).as(say("la última trama", "the last frame")).isEqualTo("última");
            assertThat(Recv.recv(wire.near())).as(say(
                    "tras la última trama el otro extremo cerró: fin de los datos, null",
                    "after the last frame the peer closed: end of data, null")).isNull();
        }
    }

    @Test
    @Graded(points = 1, es = "EOF dentro de la cabecera: EOFException", en = "EOF inside the header: EOFException")
    void eofInsideHeader() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), new byte[] {0, 0});
            wire.far().shutdownOutput();
            assertThatThrownBy(() -> Recv.recv(wire.near())).as(say(
                    "llegaron 2 de los 4 bytes de la longitud y luego el fin: una trama a medias es un error (EOFException), no null",
                    "2 of the 4 length bytes arrived, then the end: half a frame is an error (EOFException), not null"))
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "EOF dentro del texto: EOFException", en = "EOF inside the text: EOFException")
    void eofInsideBody() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire.far(), header(10), "hola".getBytes(StandardCharsets.UTF_8));
            wire.far().shutdownOutput();
            assertThatThrownBy(() -> Recv.recv(wire.near())).as(say(
                    "la longitud decía 10 bytes, llegaron 4 y luego el fin: EOFException, no un texto a medias",
                    "the length said 10 bytes, 4 arrived, then the end: EOFException, not half a text"))
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "los cuatro bytes de la cabecera cuentan (orden de red, big-endian)",
            en = "all four bytes of the header count (network byte order, big-endian)")
    void everyByteOfTheLengthCounts() throws Exception {
        // 0x00010203 = 66 051 bytes: the second, third and fourth bytes of the header all matter.
        byte[] body = new byte[0x00010203];
        java.util.Arrays.fill(body, (byte) 'x');
        body[body.length - 1] = 'z';
        try (Wire wire = Wire.open()) {
            Future<Void> writing = Wire.background(() -> {
                write(wire.far(), frame(body));
                return null;
            });
            String text = Recv.recv(wire.near());
            Wire.await(writing);
            assertThat(text.length()).as(say("la longitud del texto de una trama de 66 051 bytes (cabecera 00 01 02 03)",
                    "the length of the text of a 66,051-byte frame (header 00 01 02 03)")).isEqualTo(body.length);
            assertThat(text).endsWith("xz");
        }
    }

    @Test
    @Graded(points = 1, es = "una longitud negativa: IOException enseguida", en = "a negative length: IOException at once")
    void negativeLengthFailsFast() throws IOException {
        try (Wire wire = Wire.open()) {
            wire.near().setSoTimeout(FAIL_FAST_MILLIS);
            write(wire.far(), header(-1));
            assertFailsFast(wire.near(), -1);
        }
    }

    @Test
    @Graded(points = 2, es = "una longitud mayor que MAX_FRAME: IOException enseguida, sin reservar memoria",
            en = "a length above MAX_FRAME: IOException at once, nothing allocated")
    void hugeLengthFailsFast() throws IOException {
        for (int length : new int[] {Recv.MAX_FRAME + 1, Integer.MAX_VALUE}) {
            try (Wire wire = Wire.open()) {
                wire.near().setSoTimeout(FAIL_FAST_MILLIS);
                // Only the header: the peer never sends the promised bytes.
                write(wire.far(), header(length));
                assertFailsFast(wire.near(), length);
            }
        }
    }

    private static void assertFailsFast(Socket near, int length) {
        assertThatThrownBy(() -> Recv.recv(near)).as(say(
                        "una cabecera de longitud " + length + " (fuera de 0..MAX_FRAME): lanza IOException al leerla, "
                                + "antes de reservar memoria o leer más; no OutOfMemoryError, NegativeArraySizeException ni una espera",
                        "a length header of " + length + " (outside 0..MAX_FRAME): throw IOException on reading it, "
                                + "before allocating or reading more; not OutOfMemoryError, NegativeArraySizeException or a wait"))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketTimeoutException.class)
                .isNotInstanceOf(EOFException.class);
    }
}
