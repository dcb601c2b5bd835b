package sockets101.protocols;

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
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "nntp", order = 2)
@Timeout(5)
class NntpArticleTest {
    /** Article text as a reader sees it (CRLF line ends). */
    static final String JAVA_ARTICLE = "From: ana@example.org\r\nNewsgroups: comp.lang.java\r\n"
            + "Subject: Sockets\r\nMessage-ID: <10@example.org>\r\n\r\nUn socket es un extremo.\r\n";
    static final String DOTS_ARTICLE = "From: luis@example.org\r\nSubject: Puntos\r\n\r\nantes\r\n.oculta\r\n.\r\ndespues\r\n";

    /** Scripted NNTP server (RFC 3977): GROUP, ARTICLE n, QUIT. Groups: name -> first number -> texts. */
    /** Dot-stuffing anywhere a line may start with "." (RFC 3977 § 3.1.1): first and last line, "..", "...". */
    static final String EVERYWHERE_ARTICLE = ".From: raro@example.org\r\nSubject: ...\r\n\r\n..\r\n...tres\r\n. espacio\r\n.\r\n";
    static final Map<String, List<String>> GROUPS = Map.of(
            "comp.lang.java", List.of(JAVA_ARTICLE, "Subject: second\r\n\r\ntwo\r\n", "Subject: third\r\n\r\nthree\r\n"),
            "alt.dots", List.of(DOTS_ARTICLE),
            "alt.dots.everywhere", List.of(EVERYWHERE_ARTICLE),
            // GROUP says 2 articles from 5, but article 5 is gone (cancelled): ARTICLE 5 gets 423.
            "alt.expired", List.of());
    static final Map<String, Integer> LOW = Map.of("comp.lang.java", 10, "alt.dots", 1, "alt.dots.everywhere", 1, "alt.expired", 5);

    static ScriptedServer server;
    static InetSocketAddress address;

    @BeforeAll
    static void start() throws IOException {
        server = new ScriptedServer(NntpArticleTest::serve);
        address = server.address();
    }

    /** The same server, with another greeting. */
    private static ScriptedServer greeting(String greeting) throws IOException {
        return new ScriptedServer((client, s) -> serve(client, s, greeting));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static void serve(Socket client, ScriptedServer server) throws IOException {
        serve(client, server, "200 sockets101 news server ready, posting allowed\r\n");
    }

    private static void serve(Socket client, ScriptedServer server, String greeting) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        ScriptedServer.write(out, greeting);
        String group = null;
        for (String line = ScriptedServer.readLine(in); line != null; line = ScriptedServer.readLine(in)) {
            server.hear(line);
            String[] words = line.split(" ");
            String verb = words[0].toUpperCase(java.util.Locale.ROOT);
            if (verb.equals("GROUP") && words.length == 2 && GROUPS.containsKey(words[1])) {
                group = words[1];
                int low = LOW.get(group);
                int count = group.equals("alt.expired") ? 2 : GROUPS.get(group).size();
                ScriptedServer.write(out, "211 " + count + " " + low + " " + (low + count - 1) + " " + group + "\r\n");
            } else if (verb.equals("GROUP")) {
                ScriptedServer.write(out, "411 No such newsgroup\r\n");
            } else if (verb.equals("ARTICLE") && group == null) {
                ScriptedServer.write(out, "412 No newsgroup selected\r\n");
            } else if (verb.equals("ARTICLE") && words.length == 2) {
                int index = parse(words[1]) - LOW.get(group);
                List<String> articles = GROUPS.get(group);
                if (index < 0 || index >= articles.size()) {
                    ScriptedServer.write(out, "423 No article with that number\r\n");
                    continue;
                }
                StringBuilder reply = new StringBuilder("220 " + words[1] + " <" + words[1] + "@example.org>\r\n");
                for (String text : articles.get(index).split("\r\n")) {
                    reply.append(text.startsWith(".") ? "." + text : text).append("\r\n"); // dot-stuffing
                }
                ScriptedServer.write(out, reply.append(".\r\n").toString());
            } else if (verb.equals("QUIT")) {
                ScriptedServer.write(out, "205 Connection closing\r\n");
                return;
            } else {
                ScriptedServer.write(out, "500 Unknown command\r\n");
            }
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Test
    @Graded(points = 2, es = "GROUP da el número de artículos, el primero y el último",
            en = "GROUP gives the number of articles, the first and the last")
    void groupNumbers() throws IOException {
        NntpArticle.Article article = NntpArticle.first(address, "comp.lang.java", Loopback.DEADLINE);
        assertThat(List.of(article.count(), article.low(), article.high())).as(say(
                "count, low, high de \"211 3 10 12 comp.lang.java\"", "count, low, high of \"211 3 10 12 comp.lang.java\""))
                .containsExactly(3L, 10L, 12L);
    }

    @Test
    @Graded(points = 3, es = "ARTICLE trae el primer artículo del grupo", en = "ARTICLE fetches the group's first article")
    void firstArticle() throws IOException {
        NntpArticle.Article article = NntpArticle.first(address, "comp.lang.java", Loopback.DEADLINE);
        assertThat(article.text()).as(say(
                "texto del primer artículo: su número es low (10), no count (3); hasta la línea \".\" sin incluirla",
                "text of the first article: its number is low (10), not count (3); up to the \".\" line, without it"))
                .isEqualTo(JAVA_ARTICLE);
    }

    @Test
    @Graded(points = 2, es = "deshace el dot-stuffing", en = "undoes the dot-stuffing")
    void undoesDotStuffing() throws IOException {
        NntpArticle.Article article = NntpArticle.first(address, "alt.dots", Loopback.DEADLINE);
        assertThat(article.text()).as(say(
                "artículo con líneas \".oculta\" y \".\": llegan como \"..oculta\" y \"..\"",
                "article with lines \".oculta\" and \".\": they come as \"..oculta\" and \"..\""))
                .isEqualTo(DOTS_ARTICLE);
    }

    @Test
    @Graded(points = 2, es = "un grupo que no existe lanza IOException", en = "a group that does not exist throws IOException")
    void unknownGroupThrows() {
        assertThatThrownBy(() -> NntpArticle.first(address, "no.such.group", Loopback.DEADLINE))
                .as(say("GROUP no.such.group: la respuesta 411 debe llegar como IOException, sin esperar al plazo",
                        "GROUP no.such.group: the 411 response must come as an IOException, without waiting for the deadline"))
                .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
    }

    @Test
    @Graded(points = 1, es = "acepta el saludo 201 (sin permiso para publicar)",
            en = "accepts the 201 greeting (posting not allowed)")
    void greeting201() throws IOException {
        try (ScriptedServer own = greeting("201 sockets101 news server ready, no posting\r\n")) {
            NntpArticle.Article article = NntpArticle.first(own.address(), "alt.dots", Loopback.DEADLINE);
            assertThat(article.text()).as(say(
                    "artículo tras el saludo \"201\": 200 y 201 dicen los dos \"listo\" (RFC 3977 § 5.1.1); 201 solo prohíbe publicar",
                    "article after the \"201\" greeting: 200 and 201 both say \"ready\" (RFC 3977 § 5.1.1); 201 only forbids posting"))
                    .isEqualTo(DOTS_ARTICLE);
        }
    }

    @Test
    @Graded(points = 2, es = "deshace el dot-stuffing en cualquier línea", en = "undoes the dot-stuffing on any line")
    void undoesDotStuffingEverywhere() throws IOException {
        NntpArticle.Article article = NntpArticle.first(address, "alt.dots.everywhere", Loopback.DEADLINE);
        assertThat(article.text()).as(say(
                "artículo con \".\" al principio de la primera línea, \"..\", \"...tres\", \". espacio\" y \".\" al final: quita"
                        + " solo el primer \".\" de cada línea que empieza por \".\" (RFC 3977 § 3.1.1)",
                "article with \".\" starting the first line, \"..\", \"...tres\", \". espacio\" and \".\" last: take away only"
                        + " the first \".\" of each line that starts with \".\" (RFC 3977 § 3.1.1)"))
                .isEqualTo(EVERYWHERE_ARTICLE);
    }

    @Test
    @Graded(points = 1, es = "un 423 a ARTICLE lanza IOException enseguida",
            en = "a 423 to ARTICLE throws IOException at once")
    void missingArticleFailsFast() {
        assertThatThrownBy(() -> NntpArticle.first(address, "alt.expired", ScriptedServer.BEFORE_SERVER_GIVES_UP))
                .as(say("ARTICLE 5 respondido con \"423 No article with that number\": IOException sin esperar al plazo;"
                                + " mira el código antes de leer líneas del artículo",
                        "ARTICLE 5 answered \"423 No article with that number\": an IOException without waiting for the deadline;"
                                + " look at the code before reading article lines"))
                .isInstanceOf(IOException.class).isNotInstanceOf(SocketTimeoutException.class);
    }

    @Test
    @Graded(points = 1, es = "se despide con QUIT", en = "says goodbye with QUIT")
    void endsWithQuit() throws IOException {
        try (ScriptedServer own = new ScriptedServer(NntpArticleTest::serve)) {
            NntpArticle.first(own.address(), "alt.dots", Loopback.DEADLINE);
            assertThat(own.heard()).as(say("órdenes que recibió el servidor", "commands the server received"))
                    .containsExactly("GROUP alt.dots", "ARTICLE 1", "QUIT");
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> NntpArticle.first(silent.address(), "alt.dots", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
