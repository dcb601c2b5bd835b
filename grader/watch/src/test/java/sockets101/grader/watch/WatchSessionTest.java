package sockets101.grader.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sockets101.grader.Lang;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watch mode through its API, on a copy of the course's exercises: a wrong save shows the
 * reason, the right one passes and offers the next exercise, and a new session resumes there.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WatchSessionTest {

    private static StudentLoop loop(Path exercises, Lang lang) {
        return new StudentLoop(StudentLoop.Setup.of(exercises, lang, "", false));
    }

    @Test
    void wrongThenRightThenNextThenResume(@TempDir Path course) throws Exception {
        System.setProperty(Lang.PROPERTY, "en");
        Path exercises = Course.copyExercises(course);
        // A built site beside the exercises, as a student export carries it.
        Path page = Files.createDirectories(course.resolve("site/en")).resolve("04-server.html");
        Files.writeString(page, "<h2 id=\"bind\">bind</h2>");
        Path bind = exercises.resolve("src/main/java/sockets101/server/Bind.java");

        try (WatchSession first = WatchSession.open(loop(exercises, Lang.EN), null)) {
            assertThat(first.current()).as("a first session starts at the first exercise in course order (Catalog's)")
                    .isEqualTo("Bind");
        }
        try (WatchSession session = WatchSession.open(loop(exercises, Lang.EN), "Bind")) {
            assertThat(session.current()).isEqualTo("Bind");
            WatchSession.Verdict stub = session.start();
            assertThat(stub.passed()).isFalse();
            assertThat(session.screen()).contains("✘ The first check that fails: port 0 binds a free port",
                    "not implemented yet: TODO Bind.bind", "[h] hint and lesson · [l] list · [n] next · [q] quit");
            assertThat(session.poll()).as("nothing saved, nothing graded").isFalse();

            // The known mistake solutions/mistakes/Bind/wildcard-address.diff, as a student would save it.
            Files.writeString(bind, """
                    package sockets101.server;

                    import java.io.IOException;
                    import java.net.InetSocketAddress;
                    import java.net.ServerSocket;

                    public final class Bind {
                        private Bind() {
                        }

                        public static ServerSocket bind(InetSocketAddress address) throws IOException {
                            ServerSocket server = new ServerSocket(address.getPort());
                            server.setReuseAddress(true);
                            return server;
                        }
                    }
                    """, StandardCharsets.UTF_8);
            assertThat(session.poll()).isTrue();
            assertThat(session.screen()).contains("✘ The first check that fails: binds the address given, not every interface",
                    "did you use new ServerSocket(port), which listens on 0.0.0.0?").doesNotContain("Hint:");

            assertThat(session.key('h')).isTrue();
            assertThat(session.screen()).contains("Hint: Create the socket unbound", "Lesson: " + page.toUri() + "#bind");

            Files.writeString(bind, "package sockets101.server;\nfinal class Bind { oops }\n", StandardCharsets.UTF_8);
            assertThat(session.poll()).isTrue();
            assertThat(session.screen()).contains("does not compile:", "Bind.java:2: ");

            Files.copy(Course.solution("server", "Bind"), bind, StandardCopyOption.REPLACE_EXISTING);
            assertThat(session.poll()).isTrue();
            assertThat(session.screen()).contains("✔ Bind passes: 11/11.", "Next in the course: Listen — press n.");

            assertThat(session.key('n')).isTrue();
            assertThat(session.current()).isEqualTo("Listen");
            assertThat(session.screen()).contains("watch mode · Listen", "not implemented yet");
            assertThat(session.key('q')).as("q quits").isFalse();
        }
        assertThat(Files.readString(exercises.resolve(".progress.json"))).contains("\"current\" : \"Listen\"", "\"Bind\"");

        try (WatchSession again = WatchSession.open(loop(exercises, Lang.ES), null)) {
            assertThat(again.current()).as("a new session resumes where the last one was").isEqualTo("Listen");
            again.start();
            again.key('l');
            assertThat(again.screen()).containsPattern("Bind +✔ hecho").containsPattern("Listen +▶ actual")
                    .containsPattern("Accept +· pendiente").containsPattern("Send +· pendiente").contains("modo vigilancia · Listen");
        }
    }

    @Test
    void savingAnotherExercisesFileMakesItTheCurrentOne(@TempDir Path course) throws Exception {
        System.setProperty(Lang.PROPERTY, "en");
        Path exercises = Course.copyExercises(course);
        try (WatchSession session = WatchSession.open(loop(exercises, Lang.EN), "Bind")) {
            session.start();
            Files.copy(Course.solution("general", "Send"), exercises.resolve("src/main/java/sockets101/general/Send.java"),
                    StandardCopyOption.REPLACE_EXISTING);
            assertThat(session.poll()).isTrue();
            assertThat(session.current()).isEqualTo("Send");
            assertThat(session.screen()).contains("✔ Send passes");
        }
    }
}
