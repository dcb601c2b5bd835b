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

import static org.assertj.core.api.Assertions.assertThat;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "telnet")
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
}
