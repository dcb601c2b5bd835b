package sockets101.protocols;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "pop3", order = 5)
@Timeout(5)
class Pop3RetrTest {
    static GreenMail mail;
    static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        mail = MailServer.start("pop3");
        address = MailServer.address(mail.getPop3().getPort());
        GreenMailUser ana = mail.setUser("ana@example.org", "ana", "secret");
        ana.deliver(GreenMailUtil.newMimeMessage(
                "From: luis@example.org\r\nSubject: first\r\n\r\nHola, Ana\r\n"));
        ana.deliver(GreenMailUtil.newMimeMessage(
                "From: eva@example.org\r\nSubject: second\r\n\r\nantes\r\n.oculta\r\n.\r\ndespues\r\n"));
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    @Test
    @Graded(points = 2, es = "STAT da el número de mensajes y sus octetos", en = "STAT gives the number of messages and their octets")
    void statCountsTheMailbox() throws IOException {
        Pop3Retr.Result result = Pop3Retr.retrieve(address, "ana", "secret", 1, Loopback.DEADLINE);
        assertThat(result.messages()).as(say("mensajes según STAT", "messages according to STAT")).isEqualTo(2);
        // GreenMail's octet count is not fixed (it may count bodies only): ask the server itself.
        assertThat(result.octets()).as(say("octetos según STAT (el tercer campo de +OK n octetos)",
                "octets according to STAT (the third field of +OK n octets)")).isEqualTo(octetsByStat()).isPositive();
    }

    /** The third field of the server's own answer to STAT, asked over a plain socket by the test. */
    private static long octetsByStat() throws IOException {
        try (Socket socket = Loopback.connect(address.getPort());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            String stat = null;
            in.readLine(); // greeting
            for (String command : new String[] {"USER ana", "PASS secret", "STAT", "QUIT"}) {
                out.write(command + "\r\n");
                out.flush();
                String reply = in.readLine();
                assertThat(reply).as(command).startsWith("+OK");
                if (command.equals("STAT")) {
                    stat = reply;
                }
            }
            return Long.parseLong(stat.split(" ")[2]);
        }
    }

    @Test
    @Graded(points = 3, es = "RETR devuelve el mensaje pedido", en = "RETR returns the message asked for")
    void retrReturnsTheMessage() throws IOException {
        Pop3Retr.Result result = Pop3Retr.retrieve(address, "ana", "secret", 1, Loopback.DEADLINE);
        assertThat(result.message()).as(say("texto del mensaje 1, hasta la línea \".\" (sin ella)",
                "text of message 1, up to the \".\" line (without it)"))
                .contains("Subject: first\r\n").endsWith("\r\n\r\nHola, Ana\r\n");
    }

    @Test
    @Graded(points = 3, es = "deshace el byte-stuffing de las líneas con punto",
            en = "undoes the byte-stuffing of lines with a dot")
    void undoesByteStuffing() throws IOException {
        Pop3Retr.Result result = Pop3Retr.retrieve(address, "ana", "secret", 2, Loopback.DEADLINE);
        assertThat(result.message()).as(say(
                "mensaje 2: el servidor dobla el \".\" inicial de cada línea; quita uno, y solo \".\" exacto termina",
                "message 2: the server doubles the leading \".\" of every line; take one off, and only an exact \".\" ends it"))
                .contains("Subject: second\r\n").endsWith("\r\n\r\nantes\r\n.oculta\r\n.\r\ndespues\r\n");
    }

    @Test
    @Graded(points = 2, es = "una contraseña mala lanza IOException", en = "a wrong password throws IOException")
    void wrongPasswordThrows() {
        assertThatThrownBy(() -> Pop3Retr.retrieve(address, "ana", "wrong", 1, Loopback.DEADLINE))
                .as(say("PASS con contraseña mala: el servidor responde -ERR, que debe llegar como IOException",
                        "PASS with a wrong password: the server answers -ERR, which must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Graded(points = 1, es = "RETR de un mensaje que no existe lanza IOException",
            en = "RETR of a message that does not exist throws IOException")
    void missingMessageThrows() {
        assertThatThrownBy(() -> Pop3Retr.retrieve(address, "ana", "secret", 9, Loopback.DEADLINE))
                .as(say("RETR 9 con 2 mensajes: -ERR debe llegar como IOException",
                        "RETR 9 with 2 messages: -ERR must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    /** A message whose lines start with "." everywhere a line can (RFC 1939 § 3): first, "..", "...", last. */
    static final String STUFFED = ".From: raro@example.org\r\nSubject: puntos\r\n\r\n..\r\n...tres\r\n. espacio\r\n.\r\n";

    /**
     * A scripted POP3 server (RFC 1939) with one mailbox of one message, {@link #STUFFED}: it
     * byte-stuffs RETR's lines, answers {@code -ERR} to RETR of any other number, and records
     * every command.
     */
    private static ScriptedServer pop3() throws IOException {
        return new ScriptedServer((client, s) -> {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ScriptedServer.write(out, "+OK POP3 server ready <1896.697170952@example.org>\r\n");
            for (String line = ScriptedServer.readLine(in); line != null; line = ScriptedServer.readLine(in)) {
                s.hear(line);
                String verb = line.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "USER" -> ScriptedServer.write(out, "+OK\r\n");
                    case "PASS" -> ScriptedServer.write(out, "+OK maildrop has 1 message (" + STUFFED.length() + " octets)\r\n");
                    case "STAT" -> ScriptedServer.write(out, "+OK 1 " + STUFFED.length() + "\r\n");
                    case "RETR" -> {
                        if (!line.equals("RETR 1")) {
                            ScriptedServer.write(out, "-ERR no such message, only 1 message in maildrop\r\n");
                            continue;
                        }
                        StringBuilder reply = new StringBuilder("+OK " + STUFFED.length() + " octets\r\n");
                        for (String text : STUFFED.split("\r\n")) {
                            reply.append(text.startsWith(".") ? "." + text : text).append("\r\n"); // byte-stuffing
                        }
                        ScriptedServer.write(out, reply.append(".\r\n").toString());
                    }
                    case "QUIT" -> {
                        ScriptedServer.write(out, "+OK dewey POP3 server signing off\r\n");
                        return;
                    }
                    default -> ScriptedServer.write(out, "-ERR unknown command\r\n");
                }
            }
        });
    }

    @Test
    @Graded(points = 2, es = "deshace el byte-stuffing en cualquier línea", en = "undoes the byte-stuffing on any line")
    void undoesByteStuffingEverywhere() throws IOException {
        try (ScriptedServer server = pop3()) {
            Pop3Retr.Result result = Pop3Retr.retrieve(server.address(), "ana", "secret", 1, Loopback.DEADLINE);
            assertThat(result.message()).as(say(
                    "mensaje con \".\" al principio de la primera línea, \"..\", \"...tres\", \". espacio\" y \".\" al final: quita"
                            + " solo el primer \".\" de cada línea que empieza por \".\" (RFC 1939 § 3)",
                    "message with \".\" starting the first line, \"..\", \"...tres\", \". espacio\" and \".\" last: take away"
                            + " only the first \".\" of each line that starts with \".\" (RFC 1939 § 3)"))
                    .isEqualTo(STUFFED);
        }
    }

    @Test
    @Graded(points = 1, es = "acaba con QUIT, que confirma la sesión", en = "ends with QUIT, which commits the session")
    void quitCommits() throws Exception {
        try (ScriptedServer server = pop3()) {
            Pop3Retr.retrieve(server.address(), "ana", "secret", 1, Loopback.DEADLINE);
            server.awaitScripts();
            assertThat(server.heard()).as(say(
                    "órdenes que recibió el servidor: la última es QUIT; solo QUIT lleva la sesión al estado UPDATE, donde el"
                            + " servidor aplica los cambios y libera el buzón (RFC 1939 § 6); cerrar sin QUIT los deshace",
                    "commands the server received: the last one is QUIT; only QUIT takes the session to the UPDATE state, where"
                            + " the server applies the changes and releases the maildrop (RFC 1939 § 6); closing without QUIT undoes them"))
                    .containsExactly("USER ana", "PASS secret", "STAT", "RETR 1", "QUIT");
        }
    }

    @Test
    @Graded(points = 2, es = "un -ERR a RETR lanza IOException enseguida, sin esperar al plazo",
            en = "a -ERR to RETR throws IOException at once, without waiting for the deadline")
    void errFailsFast() throws IOException {
        try (ScriptedServer server = pop3()) {
            assertThatThrownBy(() -> Pop3Retr.retrieve(server.address(), "ana", "secret", 2, ScriptedServer.BEFORE_SERVER_GIVES_UP))
                    .as(say("RETR 2 respondido con \"-ERR no such message\": IOException ya, no un SocketTimeoutException"
                                    + " tras esperar líneas que no llegarán; mira +OK/-ERR antes de leer el mensaje",
                            "RETR 2 answered \"-ERR no such message\": an IOException now, not a SocketTimeoutException after"
                                    + " waiting for lines that never come; look at +OK/-ERR before reading the message"))
                    .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> Pop3Retr.retrieve(silent.address(), "ana", "secret", 1, ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
