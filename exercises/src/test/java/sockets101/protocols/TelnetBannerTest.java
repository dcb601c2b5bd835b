package sockets101.protocols;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "telnet", order = 7)
@Timeout(5)
class TelnetBannerTest {
    static final int IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240, NOP = 241;
    static final int ECHO = 1, SUPPRESS_GO_AHEAD = 3, TERMINAL_TYPE = 24, WINDOW_SIZE = 31;
    static final String BANNER = "Welcome to sockets101\r\nlogin: ";
    /** How long the scripted server waits for the client's answers to its requests. */
    static final int ANSWER_WAIT_MILLIS = 400;

    /**
     * A scripted Telnet server (RFC 854/855): it sends {@code requests}, records every command
     * the client sends back within {@link #ANSWER_WAIT_MILLIS}, then sends the banner (with a
     * subnegotiation and a NOP inside) and closes.
     */
    private static ScriptedServer server(int expectedAnswers, int... requests) throws IOException {
        return new ScriptedServer((client, server) -> {
            OutputStream out = client.getOutputStream();
            out.write(bytes(requests));
            out.flush();
            record(client, server, expectedAnswers);
            out.write("Welcome to sockets101\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(bytes(IAC, SB, TERMINAL_TYPE, 1, IAC, SE, IAC, NOP));
            out.write("login: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });
    }

    private static void record(Socket client, ScriptedServer server, int expected) throws IOException {
        client.setSoTimeout(ANSWER_WAIT_MILLIS);
        InputStream in = client.getInputStream();
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        try {
            // Stop as soon as the expected answers are in, so a right client never waits.
            while (expected == 0 || heard.size() < expected * 3) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                heard.write(b);
            }
        } catch (SocketTimeoutException quiet) {
            // no (more) answers within the wait
        }
        byte[] b = heard.toByteArray();
        for (int i = 0; i < b.length; i++) {
            int v = b[i] & 0xFF;
            if (v == IAC && i + 2 < b.length) {
                server.hear(name(b[i + 1] & 0xFF) + " " + (b[i + 2] & 0xFF));
                i += 2;
            } else {
                server.hear("byte " + v);
            }
        }
    }

    private static String name(int command) {
        return switch (command) {
            case DO -> "DO";
            case DONT -> "DONT";
            case WILL -> "WILL";
            case WONT -> "WONT";
            default -> "command " + command;
        };
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    @Graded(points = 3, es = "devuelve el banner sin las órdenes IAC", en = "returns the banner without the IAC commands")
    void returnsTheBanner() throws IOException {
        try (ScriptedServer server = server(2, IAC, DO, TERMINAL_TYPE, IAC, WILL, ECHO)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                    "banner: el texto hasta que el servidor cierra, sin IAC DO/WILL, ni IAC SB ... IAC SE, ni IAC NOP",
                    "banner: the text until the server closes, without IAC DO/WILL, IAC SB ... IAC SE or IAC NOP"))
                    .isEqualTo(BANNER);
        }
    }

    @Test
    @Graded(points = 4, es = "rechaza cada opción: DO → WONT, WILL → DONT", en = "refuses every option: DO → WONT, WILL → DONT")
    void refusesEveryOption() throws IOException {
        try (ScriptedServer server = server(4, IAC, DO, TERMINAL_TYPE, IAC, WILL, ECHO,
                IAC, WILL, SUPPRESS_GO_AHEAD, IAC, DO, WINDOW_SIZE)) {
            TelnetBanner.banner(server.address(), Loopback.DEADLINE);
            assertThat(server.heard()).as(say(
                    "respuestas a DO 24, WILL 1, WILL 3, DO 31: a DO se responde WONT y a WILL, DONT, con la misma opción",
                    "answers to DO 24, WILL 1, WILL 3, DO 31: DO is answered WONT and WILL, DONT, with the same option"))
                    .containsExactly("WONT 24", "DONT 1", "DONT 3", "WONT 31");
        }
    }

    @Test
    @Graded(points = 2, es = "no responde a WONT ni a DONT", en = "does not answer WONT or DONT")
    void doesNotAnswerRefusals() throws IOException {
        try (ScriptedServer server = server(0, IAC, WONT, ECHO, IAC, DONT, TERMINAL_TYPE)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say("banner", "banner"))
                    .isEqualTo(BANNER);
            assertThat(server.heard()).as(say(
                    "lo que el cliente envió tras WONT 1 y DONT 24: nada; responder a un rechazo abre un bucle sin fin (RFC 854)",
                    "what the client sent after WONT 1 and DONT 24: nothing; answering a refusal starts an endless loop (RFC 854)"))
                    .isEmpty();
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor sin negociación da su texto tal cual", en = "a server without negotiation gives its text as is")
    void plainBanner() throws IOException {
        try (ScriptedServer server = new ScriptedServer((client, s) ->
                ScriptedServer.write(client.getOutputStream(), "Hola\r\n"))) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say("banner", "banner"))
                    .isEqualTo("Hola\r\n");
        }
    }

    /** A server that sends {@code banner} (Telnet commands inside) and closes. */
    private static ScriptedServer sends(byte[] banner) throws IOException {
        return new ScriptedServer((client, s) -> {
            client.getOutputStream().write(banner);
            client.getOutputStream().flush();
        });
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    @Graded(points = 1, es = "IAC IAC es un byte de datos 255", en = "IAC IAC is a data byte 255")
    void doubledIacIsData() throws IOException {
        byte[] text = concat("Precio ".getBytes(StandardCharsets.US_ASCII), bytes(IAC, IAC), " fin".getBytes(StandardCharsets.US_ASCII));
        try (ScriptedServer server = sends(text)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                    "texto de \"Precio \" IAC IAC \" fin\": IAC IAC es un byte 255 de datos (RFC 854), que solo no es UTF-8"
                            + " válido y se decodifica como U+FFFD; no es una orden",
                    "text of \"Precio \" IAC IAC \" fin\": IAC IAC is a data byte 255 (RFC 854), which alone is not valid UTF-8"
                            + " and decodes as U+FFFD; it is not a command"))
                    .isEqualTo(new String(concat("Precio ".getBytes(StandardCharsets.US_ASCII), bytes(IAC),
                            " fin".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8));
        }
    }

    @Test
    @Graded(points = 1, es = "decodifica el texto como UTF-8", en = "decodes the text as UTF-8")
    void nonAsciiBanner() throws IOException {
        try (ScriptedServer server = sends("¡Bienvenida, señora! Ω\r\n".getBytes(StandardCharsets.UTF_8))) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                    "texto con ¡, ñ y Ω: 2 bytes cada uno en UTF-8; decodifica los bytes juntos, no cada byte como un carácter",
                    "text with ¡, ñ and Ω: 2 bytes each in UTF-8; decode the bytes together, not each byte as a character"))
                    .isEqualTo("¡Bienvenida, señora! Ω\r\n");
        }
    }

    @Test
    @Graded(points = 1, es = "una orden en medio de un carácter UTF-8", en = "a command in the middle of a UTF-8 character")
    void commandInsideACharacter() throws IOException {
        byte[] enye = "ñ".getBytes(StandardCharsets.UTF_8);
        byte[] text = concat("Espa".getBytes(StandardCharsets.US_ASCII), new byte[] {enye[0]}, bytes(IAC, NOP),
                new byte[] {enye[1]}, "a".getBytes(StandardCharsets.US_ASCII));
        try (ScriptedServer server = sends(text)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                    "texto de \"Espa\", el 1.er byte de ñ, IAC NOP, el 2.º byte de ñ, \"a\": las órdenes van en cualquier punto"
                            + " del flujo de bytes (RFC 854); junta los bytes de texto y decodifícalos al final",
                    "text of \"Espa\", ñ's 1st byte, IAC NOP, ñ's 2nd byte, \"a\": commands go anywhere in the byte stream"
                            + " (RFC 854); gather the text bytes and decode them at the end"))
                    .isEqualTo("España");
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> TelnetBanner.banner(silent.address(), ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "rechaza también la opción 0 (BINARY)", en = "refuses option 0 (BINARY) too")
    void refusesOptionZero() throws IOException {
        try (ScriptedServer server = server(1, IAC, DO, 0)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say("banner", "banner")).isEqualTo(BANNER);
            assertThat(server.heard()).as(say(
                    "respuesta a DO 0: WONT 0; 0 es una opción como otra (TRANSMIT-BINARY, RFC 856), no el final",
                    "answer to DO 0: WONT 0; 0 is an option like any other (TRANSMIT-BINARY, RFC 856), not the end"))
                    .containsExactly("WONT 0");
        }
    }

    @Test
    @Graded(points = 1, es = "salta una subnegociación con bytes 0 e IAC IAC dentro",
            en = "skips a subnegotiation with 0 bytes and IAC IAC inside")
    void subnegotiationWithZeroAndDoubledIac() throws IOException {
        byte[] text = concat("A".getBytes(StandardCharsets.US_ASCII), bytes(0),
                bytes(IAC, SB, WINDOW_SIZE, 0, 80, IAC, IAC, 0, 24, IAC, SE), "B".getBytes(StandardCharsets.US_ASCII));
        try (ScriptedServer server = sends(text)) {
            assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                    "texto de \"A\", un byte 0, IAC SB 31 0 80 IAC IAC 0 24 IAC SE, \"B\": el 0 fuera es texto; dentro de SB"
                            + " todo se salta hasta IAC SE, y un IAC IAC de dentro no lo acaba",
                    "text of \"A\", a 0 byte, IAC SB 31 0 80 IAC IAC 0 24 IAC SE, \"B\": the 0 outside is text; inside SB"
                            + " everything is skipped up to IAC SE, and an IAC IAC inside does not end it"))
                    .isEqualTo("A\u0000B");
        }
    }

    @Test
    @Graded(points = 1, es = "una conexión que acaba a mitad de una orden da el texto leído",
            en = "a connection that ends in the middle of a command gives the text read")
    void closedInsideACommand() throws IOException {
        for (byte[] cut : List.of(bytes(IAC), bytes(IAC, DO))) {
            try (ScriptedServer server = sends(concat("Hola".getBytes(StandardCharsets.US_ASCII), cut))) {
                assertThat(TelnetBanner.banner(server.address(), Loopback.DEADLINE)).as(say(
                        "texto de \"Hola\" y una orden cortada por el cierre (" + cut.length + " bytes): el texto leído",
                        "text of \"Hola\" and a command cut by the close (" + cut.length + " bytes): the text read"))
                        .isEqualTo("Hola");
            }
        }
    }
}
