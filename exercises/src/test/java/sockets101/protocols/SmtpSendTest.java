package sockets101.protocols;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "smtp", order = 4)
@Timeout(5)
class SmtpSendTest {
    static GreenMail mail;
    static InetSocketAddress address;

    @BeforeAll
    static void start() {
        mail = MailServer.start("smtp");
        address = MailServer.address(mail.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    @BeforeEach
    void empty() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    @Graded(points = 3, es = "entrega el mensaje", en = "delivers the message")
    void deliversTheMessage() throws Exception {
        String reply = SmtpSend.send(address, "ana@example.org", List.of("luis@example.org"),
                "Subject: Hola\nFrom: ana@example.org\n\nPrimera linea\nsegunda linea\n", Loopback.DEADLINE);
        assertThat(reply).as(say("respuesta al final de DATA (\".\")", "reply to the end of DATA (\".\")"))
                .startsWith("250");
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as(say("mensajes que recibió el servidor", "messages the server received")).hasSize(1);
        assertThat(received[0].getSubject()).as(say("asunto del mensaje recibido", "subject of the message received"))
                .isEqualTo("Hola");
        assertThat(GreenMailUtil.getBody(received[0])).as(say(
                "cuerpo recibido: cada \\n del mensaje viaja como CRLF", "body received: every \\n of the message travels as CRLF"))
                .contains("Primera linea\r\nsegunda linea");
    }

    @Test
    @Graded(points = 2, es = "un RCPT TO por destinatario", en = "one RCPT TO per recipient")
    void everyRecipientGetsIt() throws Exception {
        SmtpSend.send(address, "ana@example.org", List.of("luis@example.org", "eva@example.org"),
                "Subject: Para dos\n\nHola a los dos\n", Loopback.DEADLINE);
        assertThat(mail.getReceivedMessages()).as(say("copias entregadas: una por destinatario",
                "copies delivered: one per recipient")).hasSize(2);
        for (String recipient : List.of("luis@example.org", "eva@example.org")) {
            assertThat(inboxSize(recipient)).as(say("mensajes en el buzón de " + recipient,
                    "messages in the mailbox of " + recipient)).isEqualTo(1);
        }
    }

    @Test
    @Graded(points = 3, es = "aplica dot-stuffing a las líneas que empiezan por punto",
            en = "dot-stuffs the lines that start with a dot")
    void dotStuffing() throws Exception {
        SmtpSend.send(address, "ana@example.org", List.of("luis@example.org"),
                "Subject: Puntos\n\nantes\n.oculta\n.\ndespues\n", Loopback.DEADLINE);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).as(say("mensajes recibidos", "messages received")).hasSize(1);
        assertThat(GreenMailUtil.getBody(received[0])).as(say(
                "cuerpo recibido: una línea que empieza por \".\" se envía con otro \".\" delante; sin él, \".\" sola acaba DATA",
                "body received: a line starting with \".\" is sent with another \".\" in front; without it, a lone \".\" ends DATA"))
                .contains("antes\r\n.oculta\r\n.\r\ndespues");
    }

    /**
     * A scripted SMTP server (RFC 5321) whose replies take several lines where the RFC allows it
     * (§ 4.2.1), from the greeting on. It records each command line, and the message exactly as
     * it came on the wire between 354 and the final "." line, as {@code "DATA>" + bytes}.
     *
     * @param dataReply the reply to DATA: a 354, or an error
     */
    private static ScriptedServer smtp(String dataReply) throws IOException {
        return new ScriptedServer((client, s) -> {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ScriptedServer.write(out, "220-smtp.example.org ESMTP\r\n220-Sin correo no deseado, por favor\r\n220 Listo\r\n");
            for (String line = ScriptedServer.readLine(in); line != null; line = ScriptedServer.readLine(in)) {
                s.hear(line);
                String verb = line.split("[ :]")[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> ScriptedServer.write(out, "250-smtp.example.org saluda a localhost\r\n"
                            + "250-PIPELINING\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n");
                    case "MAIL" -> ScriptedServer.write(out, "250-Remitente aceptado,\r\n250 2.1.0 Ok\r\n");
                    // RFC 5321 § 4.2: the text after the code is optional, so "250" alone is a whole reply.
                    case "RCPT" -> ScriptedServer.write(out, "250\r\n");
                    case "DATA" -> {
                        ScriptedServer.write(out, dataReply);
                        if (dataReply.startsWith("354")) {
                            s.hear("DATA>" + readData(in));
                            ScriptedServer.write(out, "250-Recibido\r\n250 2.0.0 Ok: queued as 1234\r\n");
                        }
                    }
                    case "QUIT" -> {
                        ScriptedServer.write(out, "221 2.0.0 Bye\r\n");
                        return;
                    }
                    default -> ScriptedServer.write(out, "500 5.5.2 Error: command not recognized\r\n");
                }
            }
        });
    }

    /** The message's bytes as sent, up to (without) the final "." line: ends at CRLF "." CRLF. */
    private static String readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            data.write(b);
            String text = data.toString(StandardCharsets.UTF_8);
            if (text.equals(".\r\n")) {
                return "";
            }
            if (text.endsWith("\r\n.\r\n")) {
                return text.substring(0, text.length() - 3);
            }
        }
        throw new EOFException("the client closed the connection inside DATA: " + data.toString(StandardCharsets.UTF_8));
    }

    /** What the scripted server received between 354 and the final ".", or null if nothing. */
    private static String wire(ScriptedServer server) {
        return server.heard().stream().filter(l -> l.startsWith("DATA>")).map(l -> l.substring(5)).findFirst().orElse(null);
    }

    private static String sent(String message) throws Exception {
        try (ScriptedServer server = smtp("354 End data with <CR><LF>.<CR><LF>\r\n")) {
            SmtpSend.send(server.address(), "ana@example.org", List.of("luis@example.org"), message, Loopback.DEADLINE);
            server.awaitScripts();
            return wire(server);
        }
    }

    @Test
    @Graded(points = 2, es = "lee las respuestas de varias líneas, desde el saludo",
            en = "reads replies of several lines, from the greeting on")
    void multilineReplies() throws Exception {
        try (ScriptedServer server = smtp("354 End data with <CR><LF>.<CR><LF>\r\n")) {
            String reply = SmtpSend.send(server.address(), "ana@example.org", List.of("luis@example.org"),
                    "Subject: Hola\r\n\r\nHola\r\n", Loopback.DEADLINE);
            assertThat(reply).as(say("respuesta al final de DATA, \"250-Recibido\" y \"250 2.0.0 Ok: queued as 1234\"",
                    "reply to the end of DATA, \"250-Recibido\" and \"250 2.0.0 Ok: queued as 1234\"")).startsWith("250");
            server.awaitScripts();
            assertThat(server.heard()).as(say(
                    "órdenes que recibió el servidor: el saludo (220-...220 Listo) y las respuestas a EHLO y MAIL tienen"
                            + " varias líneas (RFC 5321 § 4.2.1); lee hasta la que lleva un espacio tras el código, o"
                            + " nada tras él (RCPT recibe un \"250\" a secas)",
                    "commands the server received: the greeting (220-...220 Listo) and the replies to EHLO and MAIL take"
                            + " several lines (RFC 5321 § 4.2.1); read up to the one with a space after the code, or"
                            + " nothing after it (RCPT gets a bare \"250\")"))
                    .containsExactly("EHLO localhost", "MAIL FROM:<ana@example.org>", "RCPT TO:<luis@example.org>", "DATA",
                            "DATA>Subject: Hola\r\n\r\nHola\r\n", "QUIT");
        }
    }

    @Test
    @Graded(points = 2, es = "espera el 354 antes de enviar el mensaje", en = "waits for the 354 before sending the message")
    void waitsFor354() throws Exception {
        try (ScriptedServer server = smtp("554 5.5.1 Error: no valid recipients\r\n")) {
            assertThatThrownBy(() -> SmtpSend.send(server.address(), "ana@example.org", List.of("luis@example.org"),
                    "Subject: Hola\r\n\r\nNo debe salir\r\n", Loopback.DEADLINE))
                    .as(say("DATA respondido con 554: IOException enseguida", "DATA answered 554: an IOException at once"))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
            server.awaitScripts();
            List<String> heard = server.heard();
            assertThat(heard.subList(heard.indexOf("DATA") + 1, heard.size())).as(say(
                    "lo que el cliente envió tras DATA: nada del mensaje; solo tras \"354\" puede ir (RFC 5321 § 4.1.1.4)",
                    "what the client sent after DATA: nothing of the message; it may go only after \"354\" (RFC 5321 § 4.1.1.4)"))
                    .allMatch(line -> line.equals("QUIT") || line.equals("RSET"));
        }
    }

    @Test
    @Graded(points = 2, es = "cada fin de línea del mensaje viaja como CRLF", en = "every line end of the message travels as CRLF")
    void lineEndsOnTheWire() throws Exception {
        assertThat(sent("Subject: Fines\nFrom: ana@example.org\r\n\r\nuno\ndos\r\ntres\n")).as(say(
                "bytes entre 354 y \".\" para un mensaje con \\n y \\r\\n mezclados: cada línea acaba en CRLF, ni \\n suelto"
                        + " ni \\r de más (RFC 5321 § 2.3.8), y el salto final no añade una línea vacía",
                "bytes between 354 and \".\" for a message mixing \\n and \\r\\n: every line ends with CRLF, no bare \\n"
                        + " and no extra \\r (RFC 5321 § 2.3.8), and the final line break adds no empty line"))
                .isEqualTo("Subject: Fines\r\nFrom: ana@example.org\r\n\r\nuno\r\ndos\r\ntres\r\n");
    }

    @Test
    @Graded(points = 1, es = "un mensaje sin salto de línea final", en = "a message without a final line break")
    void noFinalLineBreak() throws Exception {
        assertThat(sent("Subject: Corto\r\n\r\nsin salto final")).as(say(
                "bytes entre 354 y \".\": la última línea también acaba en CRLF, o el \".\" no queda solo en su línea",
                "bytes between 354 and \".\": the last line ends with CRLF too, or the \".\" is not alone on its line"))
                .isEqualTo("Subject: Corto\r\n\r\nsin salto final\r\n");
    }

    @Test
    @Graded(points = 2, es = "dot-stuffing en cada línea que empieza por punto", en = "dot-stuffing on every line starting with a dot")
    void dotStuffingOnTheWire() throws Exception {
        assertThat(sent(".Subject: raro\n\n.\n..\n.oculta\na.b\n.final")).as(say(
                "bytes entre 354 y \".\": cada línea que empieza por \".\" (\".\", \"..\", la primera, la última sin salto)"
                        + " lleva otro \".\" delante (RFC 5321 § 4.5.2); \"a.b\" no",
                "bytes between 354 and \".\": every line starting with \".\" (\".\", \"..\", the first, the last without a"
                        + " line break) gets another \".\" in front (RFC 5321 § 4.5.2); \"a.b\" does not"))
                .isEqualTo("..Subject: raro\r\n\r\n..\r\n...\r\n..oculta\r\na.b\r\n..final\r\n");
    }

    private static long inboxSize(String email) throws Exception {
        GreenMailUser user = mail.getUserManager().getUserByEmail(email);
        return user == null ? 0 : mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> SmtpSend.send(silent.address(), "ana@example.org", List.of("luis@example.org"), "Subject: x\r\n\r\nx\r\n", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
