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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static long inboxSize(String email) throws Exception {
        GreenMailUser user = mail.getUserManager().getUserByEmail(email);
        return user == null ? 0 : mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }
}
