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

import java.io.IOException;
import java.net.InetSocketAddress;

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
}
