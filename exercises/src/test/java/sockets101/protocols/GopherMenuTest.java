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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
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
        assertThat(GopherMenu.menu(address, "", Loopback.DEADLINE)).as(say(
                "menú de \"\": tipo (1 carácter), luego texto, selector, host y puerto separados por TAB; \".\" no es una entrada",
                "menu of \"\": type (1 character), then display, selector, host and port split by TAB; \".\" is not an item"))
                .containsExactly(
                        new GopherMenu.Item('i', "Bienvenido a sockets101", "", "error.host", 1),
                        new GopherMenu.Item('0', "Sobre este servidor", "/about.txt", "gopher.example.org", 70),
                        new GopherMenu.Item('1', "Lecciones del curso", "/lessons", "gopher.example.org", 7070));
    }

    @Test
    @Graded(points = 2, es = "envía el selector terminado en CRLF", en = "sends the selector ended by CRLF")
    void sendsTheSelector() throws IOException {
        List<GopherMenu.Item> items = GopherMenu.menu(address, "/lessons", Loopback.DEADLINE);
        assertThat(items).as(say("menú de /lessons (UTF-8)", "menu of /lessons (UTF-8)")).containsExactly(
                new GopherMenu.Item('0', "Lección 07: protocolos", "/lessons/07.txt", "gopher.example.org", 70),
                new GopherMenu.Item('7', "Buscar", "/search", "search.example.org", 70));
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
            assertThat(GopherMenu.menu(own.address(), "", Loopback.DEADLINE)).as(say(
                    "menú sin \".\" final: el fin de la conexión también lo termina",
                    "menu without a final \".\": the end of the connection ends it too"))
                    .containsExactly(new GopherMenu.Item('0', "Solo", "/solo", "localhost", 70));
        }
    }
}
