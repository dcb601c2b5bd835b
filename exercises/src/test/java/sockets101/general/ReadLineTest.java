package sockets101.general;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

/** The peer writes every line by hand; the student's reader gets {@code wire.near()}. */
@Exercise(lesson = "06-general", section = "bounded-line", order = 3)
@Timeout(5)
class ReadLineTest {
    private static final int LIMIT = 64;
    /** How long a read may wait where the right answer needs no more bytes. */
    private static final int FAIL_FAST_MILLIS = 500;

    private static void write(Wire wire, String text) throws IOException {
        OutputStream out = wire.far().getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    @Graded(points = 1, es = "lee una línea sin su \\n", en = "reads a line without its \\n")
    void readsALine() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire, "hola\n" + "a\u0000b\n");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say("la línea \"hola\\n\", sin el \\n",
                    "the line \"hola\\n\", without the \\n")).isEqualTo("hola");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say(
                    "una línea con un byte 0 dentro: read() devuelve 0 para ese byte, y solo -1 es el fin de los datos",
                    "a line with a 0 byte inside: read() returns 0 for that byte; only -1 is the end of the data"))
                    .isEqualTo("a\u0000b");
        }
    }

    @Test
    @Graded(points = 1, es = "quita un final \\r\\n entero", en = "drops a \\r\\n ending whole")
    void dropsACarriageReturnLineFeed() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire, "HELO mundo\r\n");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say(
                    "la línea \"HELO mundo\\r\\n\" (así terminan las líneas SMTP, FTP, POP3...): sin \\r ni \\n",
                    "the line \"HELO mundo\\r\\n\" (how SMTP, FTP, POP3... lines end): without the \\r or the \\n"))
                    .isEqualTo("HELO mundo");
        }
    }

    @Test
    @Graded(points = 2, es = "dos líneas que llegan juntas se leen con dos llamadas",
            en = "two lines that arrive together are read by two calls")
    void twoLinesTwoCalls() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire, "primera\nsegunda\n");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say("la primera línea", "the first line")).isEqualTo("primera");
            String second;
            try {
                second = ReadLine.readLine(wire.near(), LIMIT);
            } catch (SocketTimeoutException e) {
                throw new AssertionError(say(
                        "la segunda línea ya había llegado, pero no se pudo leer: ¿la primera llamada leyó de más "
                                + "(un BufferedReader o BufferedInputStream se queda con los bytes siguientes)?",
                        "the second line had already arrived but could not be read: did the first call read too far "
                                + "(a BufferedReader or BufferedInputStream keeps the bytes that follow)?"), e);
            }
            assertThat(second).as(say("la segunda línea", "the second line")).isEqualTo("segunda");
        }
    }

    @Test
    @Graded(points = 2, es = "una línea que llega a trozos (cortada dentro de una ñ) se lee entera, en UTF-8",
            en = "a line that arrives in pieces (cut inside an ñ) is read whole, as UTF-8")
    void aLineInPiecesIsDecodedAsUtf8() throws Exception {
        byte[] line = "¿Qué tal, ñandú? 🎉\n".getBytes(StandardCharsets.UTF_8);
        int cut = "¿Qué tal, ".getBytes(StandardCharsets.UTF_8).length + 1; // between the two bytes of the ñ
        try (Wire wire = Wire.open()) {
            Future<String> reading = Wire.background(() -> ReadLine.readLine(wire.near(), LIMIT));
            OutputStream out = wire.far().getOutputStream();
            out.write(line, 0, cut);
            out.flush();
            Wire.awaitDrained(wire.near(), reading::isDone);
            out.write(line, cut, line.length - cut);
            out.flush();
            assertThat(Wire.await(reading)).as(say(
                    "una línea en dos trozos, el primero acaba a mitad de la ñ: junta los bytes y decodifica la línea entera",
                    "a line in two pieces, the first ending halfway through the ñ: gather the bytes, then decode the whole line"))
                    .isEqualTo("¿Qué tal, ñandú? 🎉");
        }
    }

    @Test
    @Graded(points = 2, es = "el límite cuenta bytes, no caracteres, y no cuenta el final de línea",
            en = "the limit counts bytes, not characters, and not the line ending")
    void theLimitCountsBytes() throws IOException {
        String word = "ñandú"; // 5 characters, 7 bytes
        try (Wire wire = Wire.open()) {
            write(wire, word + "\r\n" + word + "\n");
            assertThat(ReadLine.readLine(wire.near(), 7)).as(say(
                    "\"ñandú\\r\\n\" con maxBytes 7: son 7 bytes más el final, cabe justo",
                    "\"ñandú\\r\\n\" with maxBytes 7: 7 bytes plus the ending, it just fits")).isEqualTo(word);
            wire.near().setSoTimeout(FAIL_FAST_MILLIS);
            assertThatThrownBy(() -> ReadLine.readLine(wire.near(), 6)).as(say(
                    "\"ñandú\\n\" con maxBytes 6: son 7 bytes UTF-8 (5 caracteres), uno de más",
                    "\"ñandú\\n\" with maxBytes 6: that is 7 UTF-8 bytes (5 characters), one too many"))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Graded(points = 3, es = "una línea demasiado larga: IOException en cuanto pasa del límite, sin esperar el \\n",
            en = "a line too long: IOException as soon as it passes the limit, without waiting for the \\n")
    void aLineTooLongFailsAtOnce() throws IOException {
        try (Wire wire = Wire.open()) {
            wire.near().setSoTimeout(FAIL_FAST_MILLIS);
            // One byte over the limit, and then nothing: the \n may never come.
            write(wire, "x".repeat(LIMIT + 1));
            assertThatThrownBy(() -> ReadLine.readLine(wire.near(), LIMIT)).as(say(
                            LIMIT + 1 + " bytes sin \\n y maxBytes " + LIMIT + ": lanza IOException al leer el byte " + (LIMIT + 1)
                                    + "; no esperes al resto (el otro extremo puede no enviarlo nunca) ni lo guardes",
                            LIMIT + 1 + " bytes with no \\n and maxBytes " + LIMIT + ": throw IOException on reading byte " + (LIMIT + 1)
                                    + "; do not wait for the rest (the peer may never send it) or keep it"))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class)
                    .isNotInstanceOf(EOFException.class);
        }
    }

    @Test
    @Graded(points = 2, es = "fin de datos: null antes de una línea, la última línea sin \\n si la hay",
            en = "end of data: null before a line, the last line without \\n if there is one")
    void theEndOfTheData() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire, "\nfin");
            wire.far().shutdownOutput();
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say("una línea vacía (\"\\n\"): \"\", no null",
                    "an empty line (\"\\n\"): \"\", not null")).isEqualTo("");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say(
                    "\"fin\" y luego el otro extremo cerró: es la última línea, aunque no tenga \\n",
                    "\"fin\" and then the peer closed: it is the last line, though it has no \\n")).isEqualTo("fin");
            assertThat(ReadLine.readLine(wire.near(), LIMIT)).as(say(
                    "tras la última línea el otro extremo cerró: null", "after the last line the peer closed: null")).isNull();
        }
    }

    @Test
    @Graded(points = 1, es = "maxBytes < 1 lanza IllegalArgumentException", en = "maxBytes < 1 throws IllegalArgumentException")
    void rejectsALimitBelowOne() throws IOException {
        try (Wire wire = Wire.open()) {
            write(wire, "hola\n");
            for (int max : new int[] {0, -1}) {
                assertThatThrownBy(() -> ReadLine.readLine(wire.near(), max))
                        .as(say("readLine(socket, " + max + "): una línea tiene al menos sitio para un byte",
                                "readLine(socket, " + max + "): a line has room for at least one byte"))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(ReadLine.readLine(wire.near(), 4)).as(say(
                    "la línea que esperaba: el argumento no válido no debió leer nada",
                    "the line that was waiting: the invalid argument should have read nothing")).isEqualTo("hola");
            write(wire, "a\n");
            assertThat(ReadLine.readLine(wire.near(), 1)).as(say("readLine(socket, 1) con \"a\\n\": 1 es un límite válido",
                    "readLine(socket, 1) with \"a\\n\": 1 is a valid limit")).isEqualTo("a");
        }
    }
}
