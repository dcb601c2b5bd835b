package sockets101.protocols;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "imap", order = 6)
@Timeout(5)
class ImapSelectTest {
    static GreenMail mail;
    static InetSocketAddress address;

    @BeforeAll
    static void start() throws Exception {
        mail = MailServer.start("imap");
        address = MailServer.address(mail.getImap().getPort());
        GreenMailUser ana = mail.setUser("ana@example.org", "ana", "secret");
        for (int i = 1; i <= 3; i++) {
            ana.deliver(GreenMailUtil.newMimeMessage("Subject: message " + i + "\r\n\r\nbody " + i + "\r\n"));
        }
        GreenMailUser luis = mail.setUser("luis@example.org", "luis", "open \"sesame\"");
        luis.deliver(GreenMailUtil.newMimeMessage("Subject: solo\r\n\r\nuno\r\n"));
        mail.setUser("eva@example.org", "eva", "secret");
        // A mailbox whose name has a space, and a password with a backslash and quotes.
        MailFolder folder = mail.getManagers().getImapHostManager().createMailbox(ana, "Mis cosas");
        for (int i = 1; i <= 2; i++) {
            folder.store(GreenMailUtil.newMimeMessage("Subject: cosa " + i + "\r\n\r\ncosa " + i + "\r\n"));
        }
        GreenMailUser rosa = mail.setUser("rosa@example.org", "rosa", "C:\\temp \"x\" \\");
        for (int i = 1; i <= 5; i++) {
            rosa.deliver(GreenMailUtil.newMimeMessage("Subject: r" + i + "\r\n\r\nr" + i + "\r\n"));
        }
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    @Test
    @Graded(points = 4, es = "SELECT INBOX da el número EXISTS", en = "SELECT INBOX gives the EXISTS count")
    void selectGivesExists() throws IOException {
        assertThat(ImapSelect.exists(address, "ana", "secret", "INBOX", Loopback.DEADLINE)).as(say(
                "EXISTS de INBOX con 3 mensajes: búscalo entre las líneas \"*\" de SELECT, no es la primera",
                "EXISTS of an INBOX with 3 messages: look for it among SELECT's \"*\" lines, it is not the first"))
                .isEqualTo(3);
    }

    @Test
    @Graded(points = 2, es = "una contraseña con espacios y comillas va entre comillas",
            en = "a password with spaces and quotes goes quoted")
    void quotesThePassword() throws IOException {
        assertThat(ImapSelect.exists(address, "luis", "open \"sesame\"", "INBOX", Loopback.DEADLINE)).as(say(
                "EXISTS de luis, cuya contraseña es open \"sesame\": envíala como cadena IMAP \"open \\\"sesame\\\"\"",
                "EXISTS for luis, whose password is open \"sesame\": send it as the IMAP string \"open \\\"sesame\\\"\""))
                .isEqualTo(1);
    }

    @Test
    @Graded(points = 1, es = "un buzón vacío da 0", en = "an empty mailbox gives 0")
    void emptyMailboxGivesZero() throws IOException {
        assertThat(ImapSelect.exists(address, "eva", "secret", "INBOX", Loopback.DEADLINE))
                .as(say("EXISTS de un INBOX vacío", "EXISTS of an empty INBOX")).isZero();
    }

    @Test
    @Graded(points = 2, es = "un LOGIN rechazado lanza IOException", en = "a rejected LOGIN throws IOException")
    void rejectedLoginThrows() {
        assertThatThrownBy(() -> ImapSelect.exists(address, "ana", "wrong", "INBOX", Loopback.DEADLINE))
                .as(say("LOGIN con contraseña mala: la respuesta etiquetada NO debe llegar como IOException",
                        "LOGIN with a wrong password: the tagged NO answer must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Graded(points = 1, es = "SELECT de un buzón que no existe lanza IOException",
            en = "SELECT of a mailbox that does not exist throws IOException")
    void unknownMailboxThrows() {
        assertThatThrownBy(() -> ImapSelect.exists(address, "ana", "secret", "Nowhere", Loopback.DEADLINE))
                .as(say("SELECT Nowhere: la respuesta etiquetada NO debe llegar como IOException",
                        "SELECT Nowhere: the tagged NO answer must come as an IOException"))
                .isInstanceOf(IOException.class);
    }

    @Test
    @Graded(points = 1, es = "una contraseña con \\ y \" va escapada", en = "a password with \\ and \" goes escaped")
    void escapesBackslashAndQuote() throws IOException {
        assertThat(ImapSelect.exists(address, "rosa", "C:\\temp \"x\" \\", "INBOX", Loopback.DEADLINE)).as(say(
                "EXISTS de rosa, contraseña C:\\temp \"x\" \\: en una cadena entre comillas, cada \\ va como \\\\ y cada"
                        + " \" como \\\" (RFC 9051 § 4.3); escapa primero la \\, o escaparás las que añadiste",
                "EXISTS of rosa, password C:\\temp \"x\" \\: in a quoted string, every \\ goes as \\\\ and every \" as"
                        + " \\\" (RFC 9051 § 4.3); escape the \\ first, or you escape the ones you added"))
                .isEqualTo(5);
    }

    @Test
    @Graded(points = 1, es = "un buzón con espacios en el nombre", en = "a mailbox with spaces in its name")
    void mailboxWithSpaces() throws IOException {
        assertThat(ImapSelect.exists(address, "ana", "secret", "Mis cosas", Loopback.DEADLINE)).as(say(
                "EXISTS de SELECT \"Mis cosas\": el nombre del buzón va entre comillas como el usuario y la contraseña",
                "EXISTS of SELECT \"Mis cosas\": the mailbox name goes quoted, like the user and the password"))
                .isEqualTo(2);
    }

    /**
     * A scripted IMAP server that sends untagged responses wherever RFC 9051 § 7 lets it: before
     * the tagged reply to LOGIN, between the greeting and the first command, and inside SELECT,
     * where a second EXISTS (a message just arrived) updates the first. Every reply carries the
     * client's own tag.
     */
    private static ScriptedServer chatty() throws IOException {
        return new ScriptedServer((client, s) -> {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            ScriptedServer.write(out, "* OK [CAPABILITY IMAP4rev1 IMAP4rev2] sockets101 listo\r\n"
                    + "* OK [ALERT] Mantenimiento a las 22:00\r\n");
            for (String line = ScriptedServer.readLine(in); line != null; line = ScriptedServer.readLine(in)) {
                s.hear(line);
                String[] words = line.split(" ");
                String tag = words[0];
                String verb = words.length > 1 ? words[1].toUpperCase(java.util.Locale.ROOT) : "";
                switch (verb) {
                    case "LOGIN" -> ScriptedServer.write(out, "* CAPABILITY IMAP4rev1 IMAP4rev2 IDLE\r\n"
                            + tag + " OK [CAPABILITY IMAP4rev1 IMAP4rev2 IDLE] LOGIN completed\r\n");
                    case "SELECT" -> ScriptedServer.write(out, "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                            + "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n"
                            + "* 3 EXISTS\r\n* OK [UIDVALIDITY 3857529045] UIDs valid\r\n* OK [UIDNEXT 4392] Predicted next UID\r\n"
                            + "* 4 EXISTS\r\n"
                            + tag + " OK [READ-WRITE] SELECT completed\r\n");
                    case "LOGOUT" -> {
                        ScriptedServer.write(out, "* BYE sockets101 cierra\r\n" + tag + " OK LOGOUT completed\r\n");
                        return;
                    }
                    default -> ScriptedServer.write(out, tag + " BAD unknown command\r\n");
                }
            }
        });
    }

    @Test
    @Graded(points = 2, es = "lee las respuestas no etiquetadas antes y entre las que busca",
            en = "reads the untagged responses before and between the ones it looks for")
    void untaggedResponsesAnywhere() throws IOException {
        try (ScriptedServer server = chatty()) {
            assertThat(ImapSelect.exists(server.address(), "ana", "secret", "INBOX", Loopback.DEADLINE)).as(say(
                    "EXISTS de un servidor que manda \"* OK [ALERT]\" tras el saludo, \"* CAPABILITY\" antes de \"a1 OK\" y"
                            + " \"* 3 EXISTS\" y luego \"* 4 EXISTS\" en SELECT: lee hasta la línea con tu etiqueta, y el último"
                            + " EXISTS es el número actual (RFC 9051 § 7.4.1)",
                    "EXISTS from a server that sends \"* OK [ALERT]\" after the greeting, \"* CAPABILITY\" before \"a1 OK\" and"
                            + " \"* 3 EXISTS\" then \"* 4 EXISTS\" in SELECT: read up to the line with your tag, and the last"
                            + " EXISTS is the current count (RFC 9051 § 7.4.1)"))
                    .isEqualTo(4);
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> ImapSelect.exists(silent.address(), "ana", "secret", "INBOX", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
