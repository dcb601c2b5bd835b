package sockets101.protocols;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import sockets101.grader.Exercise;
import sockets101.grader.Graded;
import sockets101.testkit.Loopback;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sockets101.grader.Lang.say;

@Exercise(lesson = "07-protocols", section = "gopher", order = 8)
@Timeout(5)
class GopherMenuTest {
    /** Menus of the scripted Gopher server (RFC 1436), by selector; "." ends each. */
    static final Map<String, String> MENUS = Map.of(
            "", "iBienvenido a sockets101\t\terror.host\t1\r\n"
                    + "0Sobre este servidor\t/about.txt\tgopher.example.org\t70\r\n"
                    + "1Lecciones del curso\t/lessons\tgopher.example.org\t7070\r\n"
                    + ".\r\n",
            "/lessons", "0Lección 07: protocolos\t/lessons/07.txt\tgopher.example.org\t70\r\n"
                    + "7Buscar\t/search\tsearch.example.org\t70\r\n"
                    + ".\r\n");

    static ScriptedServer server;
    static InetSocketAddress address;

    @BeforeAll
    static void start() throws IOException {
        server = new ScriptedServer((client, s) -> {
            String selector = ScriptedServer.readLine(client.getInputStream());
            s.hear(String.valueOf(selector));
            ScriptedServer.write(client.getOutputStream(), MENUS.getOrDefault(selector,
                    "3'" + selector + "' no existe\t\terror.host\t1\r\n.\r\n"));
        });
        address = server.address();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    @Graded(points = 3, es = "lee y separa el menú raíz", en = "reads and splits the root menu")
    void rootMenu() throws IOException {
        assertThat(fields(GopherMenu.menu(address, "", Loopback.DEADLINE))).as(say(
                "menú de \"\": tipo (1 carácter), luego texto, selector, host y puerto separados por TAB; \".\" no es una entrada",
                "menu of \"\": type (1 character), then display, selector, host and port split by TAB; \".\" is not an item"))
                .containsExactly(
                        item('i', "Bienvenido a sockets101", "", "error.host", 1),
                        item('0', "Sobre este servidor", "/about.txt", "gopher.example.org", 70),
                        item('1', "Lecciones del curso", "/lessons", "gopher.example.org", 7070));
    }

    @Test
    @Graded(points = 2, es = "envía el selector terminado en CRLF", en = "sends the selector ended by CRLF")
    void sendsTheSelector() throws IOException {
        List<GopherMenu.Item> items = GopherMenu.menu(address, "/lessons", Loopback.DEADLINE);
        assertThat(fields(items)).as(say("menú de /lessons (UTF-8)", "menu of /lessons (UTF-8)")).containsExactly(
                item('0', "Lección 07: protocolos", "/lessons/07.txt", "gopher.example.org", 70),
                item('7', "Buscar", "/search", "search.example.org", 70));
        assertThat(server.heard()).as(say("selectores que recibió el servidor", "selectors the server received"))
                .contains("/lessons");
    }

    @Test
    @Graded(points = 1, es = "acepta un menú que acaba al cerrar, sin \".\"",
            en = "accepts a menu that ends at close, without \".\"")
    void menuEndingAtClose() throws IOException {
        try (ScriptedServer own = new ScriptedServer((client, s) -> {
            ScriptedServer.readLine(client.getInputStream());
            ScriptedServer.write(client.getOutputStream(), "0Solo\t/solo\tlocalhost\t70\r\n");
        })) {
            assertThat(fields(GopherMenu.menu(own.address(), "", Loopback.DEADLINE))).as(say(
                    "menú sin \".\" final: el fin de la conexión también lo termina",
                    "menu without a final \".\": the end of the connection ends it too"))
                    .containsExactly(item('0', "Solo", "/solo", "localhost", 70));
        }
    }

    /** Each item's fields, read through the record's accessors and compared as plain text. */
    static List<String> fields(List<GopherMenu.Item> items) {
        return items.stream().map(i -> i.type() + "|" + i.display() + "|" + i.selector() + "|" + i.host() + "|" + i.port()).toList();
    }

    static String item(char type, String display, String selector, String host, int port) {
        return type + "|" + display + "|" + selector + "|" + host + "|" + port;
    }

    /** A server that answers any selector with {@code menu} and closes. */
    private static ScriptedServer answers(String menu) throws IOException {
        return new ScriptedServer((client, s) -> {
            ScriptedServer.readLine(client.getInputStream());
            ScriptedServer.write(client.getOutputStream(), menu);
        });
    }

    @Test
    @Graded(points = 1, es = "salta las líneas vacías", en = "skips empty lines")
    void skipsBlankLines() throws IOException {
        try (ScriptedServer own = answers("\r\n0Uno\t/1\th\t70\r\n\r\n\r\n0Dos\t/2\th\t70\r\n\r\n.\r\n")) {
            assertThat(fields(GopherMenu.menu(own.address(), "", Loopback.DEADLINE))).as(say(
                    "menú con líneas vacías al principio, en medio y antes de \".\": no son entradas; sáltalas",
                    "menu with empty lines at the start, in the middle and before \".\": they are not items; skip them"))
                    .containsExactly(item('0', "Uno", "/1", "h", 70), item('0', "Dos", "/2", "h", 70));
        }
    }

    @Test
    @Graded(points = 1, es = "acepta los campos de más de Gopher+", en = "accepts Gopher+ extra fields")
    void gopherPlusExtraFields() throws IOException {
        try (ScriptedServer own = answers("1Más\t/mas\tgopher.example.org\t70\t+\r\n0Texto\t/t\tgopher.example.org\t70\t?\r\n.\r\n")) {
            assertThat(fields(GopherMenu.menu(own.address(), "", Loopback.DEADLINE))).as(say(
                    "menú de un servidor Gopher+: tras el puerto viene otro TAB y \"+\" o \"?\"; el puerto es el cuarto campo,"
                            + " no el último, y lo que sigue se ignora",
                    "menu of a Gopher+ server: after the port come another TAB and \"+\" or \"?\"; the port is the fourth field,"
                            + " not the last, and what follows is ignored"))
                    .containsExactly(item('1', "Más", "/mas", "gopher.example.org", 70),
                            item('0', "Texto", "/t", "gopher.example.org", 70));
        }
    }

    @Test
    @Graded(points = 1, es = "una línea con menos de cuatro campos lanza IOException",
            en = "a line with fewer than four fields throws IOException")
    void tooFewFieldsThrows() throws IOException {
        try (ScriptedServer own = answers("0Bien\t/b\th\t70\r\n0Mal\t/m\th\r\n.\r\n")) {
            assertThatThrownBy(() -> GopherMenu.menu(own.address(), "", Loopback.DEADLINE)).as(say(
                    "menú con la línea \"0Mal TAB /m TAB h\" (sin puerto): IOException, no una entrada a medias",
                    "menu with the line \"0Mal TAB /m TAB h\" (no port): an IOException, not half an item"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "un puerto que no es un número lanza IOException",
            en = "a port that is not a number throws IOException")
    void badPortThrows() throws IOException {
        try (ScriptedServer own = answers("0Mal\t/m\th\tsetenta\r\n.\r\n")) {
            assertThatThrownBy(() -> GopherMenu.menu(own.address(), "", Loopback.DEADLINE)).as(say(
                    "menú con el puerto \"setenta\": IOException (no NumberFormatException): la línea no es de menú",
                    "menu with the port \"setenta\": an IOException (not a NumberFormatException): the line is not a menu line"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    @Graded(points = 1, es = "un servidor que calla: SocketTimeoutException al acabar el plazo",
            en = "a silent server: SocketTimeoutException when the time limit ends")
    void silentServerTimesOut() throws IOException {
        try (ScriptedServer silent = ScriptedServer.silent()) {
            assertThatThrownBy(() -> GopherMenu.menu(silent.address(), "", ScriptedServer.QUICK))
                    .as(say("servidor que acepta la conexión y no envía nada, plazo de 100 ms: cada lectura acotada"
                                    + " por el plazo (setSoTimeout), o el cliente espera para siempre",
                            "server that accepts the connection and sends nothing, time limit 100 ms: every read bounded"
                                    + " by the time limit (setSoTimeout), or the client waits for ever"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
