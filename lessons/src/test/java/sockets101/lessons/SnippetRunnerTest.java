package sockets101.lessons;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner fails a bad snippet with its line and reason, and records good output. */
@Timeout(60)
class SnippetRunnerTest {
    @TempDir
    static Path dir;
    private static List<SnippetRunner.FileReport> reports;

    @BeforeAll
    static void runFixtures() throws Exception {
        Path snippets = Files.createDirectories(dir.resolve("snippets"));
        write(snippets, "good.jsh", """
                // tag::hello[]
                var greeting = "hola, " + "sockets"
                System.out.println(greeting.toUpperCase());
                greeting.length()
                // end::hello[]
                // throws: ArithmeticException
                int zero = 1 / 0;
                /exit
                """);
        write(snippets, "throws.jsh", """
                int a = 1;

                Integer.parseInt("x");
                """);
        write(snippets, "loops.jsh", """
                int b = 2;
                while (true) { }
                """);
        write(snippets, "broken.jsh", """
                String s = 42;
                """);
        write(snippets, "exits.jsh", """
                System.exit(3);
                """);
        write(snippets, "unexpected.jsh", """
                // throws: java.io.IOException
                int c = 3;
                """);
        SnippetRunner runner = new SnippetRunner(snippets, dir.resolve("out"), Duration.ofSeconds(5), "");
        reports = runner.runAll(List.of());
    }

    @AfterAll
    static void forget() {
        reports = null;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static SnippetRunner.FileReport report(String name) {
        return reports.stream().filter(r -> r.file().getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void recordsTheOutputOfEachTag() throws IOException {
        assertThat(report("good.jsh").failures()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/good/hello.txt")))
                .isEqualTo("HOLA, SOCKETS\n$1 ==> 13\n");
        assertThat(Files.readString(dir.resolve("out/good.json"))).contains("\"line\" : 2", "Exception java.lang.ArithmeticException");
    }

    @Test
    void anUncaughtExceptionFailsWithItsLine() {
        assertThat(report("throws.jsh").failures()).singleElement().satisfies(f -> {
            assertThat(f.snippet().line()).isEqualTo(3);
            assertThat(f.failure()).contains("uncaught exception java.lang.NumberFormatException");
        });
    }

    @Test
    void anEndlessLoopIsStoppedAtTheTimeLimit() {
        assertThat(report("loops.jsh").failures()).singleElement().satisfies(f -> {
            assertThat(f.snippet().line()).isEqualTo(2);
            assertThat(f.failure()).contains("time limit of 5 s");
        });
    }

    @Test
    void aSnippetThatDoesNotCompileIsRejected() {
        assertThat(report("broken.jsh").failures()).singleElement().satisfies(f -> {
            assertThat(f.snippet().line()).isEqualTo(1);
            assertThat(f.failure()).startsWith("does not compile: incompatible types");
        });
    }

    @Test
    void systemExitEndsOnlyTheShell() {
        assertThat(report("exits.jsh").failures()).singleElement()
                .satisfies(f -> assertThat(f.failure()).contains("System.exit"));
    }

    @Test
    void aSnippetMarkedToThrowMustThrow() {
        assertThat(report("unexpected.jsh").failures()).singleElement()
                .satisfies(f -> assertThat(f.failure()).contains("was expected to throw java.io.IOException"));
    }

    @Test
    void anUnchangedFileIsNotRunAgain() throws Exception {
        SnippetRunner again = new SnippetRunner(dir.resolve("snippets"), dir.resolve("out"), Duration.ofSeconds(5), "");
        assertThat(again.runAll(List.of("good")).get(0).cached()).isTrue();
        assertThat(again.runAll(List.of("throws")).get(0).cached()).as("a failed file runs again").isFalse();
    }
}
