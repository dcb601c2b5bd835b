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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        write(snippets, "newer.jsh", """
                //! jdk 21
                // tag::virtual[]
                System.out.println("virtual: " + Thread.ofVirtual().unstarted(() -> { }).isVirtual());
                // end::virtual[]
                """);
        write(snippets, "future.jsh", """
                //! jdk 999
                int d = 4;
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
    void aFileThatNeedsANewerJdkRunsOnOne() throws IOException {
        assumeTrue(Runtime.version().feature() >= 21 || hasJdk(21), "no JDK 21 or later on this machine");
        assertThat(report("newer.jsh").failures()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/newer/virtual.txt"))).isEqualTo("virtual: true\n");
        assertThat(report("newer.jsh").jdk()).as("a child runner only when this JVM is older")
                .isEqualTo(Runtime.version().feature() >= 21 ? 0 : new JdkFinder().find(21, null).feature());
    }

    @Test
    void aFileThatNeedsAJdkNobodyHasFailsSayingWhatToInstall() {
        assertThat(report("future.jsh").failures()).singleElement().satisfies(f -> {
            assertThat(f.snippet().line()).isEqualTo(1);
            assertThat(f.failure()).contains("needs JDK 999 or later", "install a JDK 999", "-Dsnippets.jdk=");
        });
    }

    @Test
    void theMarkerNamesTheJdk() {
        assertThat(SnippetParser.requiredJdk("// x\n//! jdk 21\nint a = 1;\n")).isEqualTo(21);
        assertThat(SnippetParser.requiredJdk("int a = 1; //! jdk 21\n")).as("only on a line of its own").isZero();
    }

    @Test
    void theFinderPicksTheOldestJdkThatIsNewEnough() throws IOException {
        Path jvms = Files.createDirectories(dir.resolve("jvms"));
        fakeJdk(jvms.resolve("jdk-17"), "17.0.15", "java.base jdk.jshell");
        fakeJdk(jvms.resolve("jdk-25"), "25.0.3", "java.base jdk.jshell");
        fakeJdk(jvms.resolve("jdk-22"), "22", "java.base jdk.jshell");
        fakeJdk(jvms.resolve("jre-21"), "21.0.1", "java.base");  // a runtime without JShell
        var finder = new JdkFinder(java.util.Map.of(), List.of(jvms));
        assertThat(finder.find(21, null).home()).isEqualTo(jvms.resolve("jdk-22"));
        assertThat(finder.find(25, null).feature()).isEqualTo(25);
        assertThat(new JdkFinder(java.util.Map.of("JAVA_HOME_21_X64", jvms.resolve("jre-21").toString()), List.of())
                .candidates()).containsExactly(jvms.resolve("jre-21"));
        assertThatThrownBy(() -> finder.find(26, null)).hasMessageContaining("no JDK 26 or later was found")
                .hasMessageContaining("-Dsnippets.jdk=");
        assertThatThrownBy(() -> finder.find(21, jvms.resolve("jdk-17"))).hasMessageContaining("is JDK 17");
        assertThatThrownBy(() -> finder.find(21, jvms.resolve("jre-21"))).hasMessageContaining("not a JDK with JShell");
    }

    private static void fakeJdk(Path home, String version, String modules) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nMODULES=\"" + modules + "\"\n");
    }

    private static boolean hasJdk(int feature) {
        try {
            new JdkFinder().find(feature, null);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Test
    void anUnchangedFileIsNotRunAgain() throws Exception {
        SnippetRunner again = new SnippetRunner(dir.resolve("snippets"), dir.resolve("out"), Duration.ofSeconds(5), "");
        assertThat(again.runAll(List.of("good")).get(0).cached()).isTrue();
        assertThat(again.runAll(List.of("throws")).get(0).cached()).as("a failed file runs again").isFalse();
    }
}
