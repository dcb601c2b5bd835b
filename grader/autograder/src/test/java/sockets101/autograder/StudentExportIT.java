package sockets101.autograder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/export-student}: the student repository has no solutions or known mistakes, no
 * grading workflow (only one that shows the scoreboard, worth no points), and it works offline:
 * its own {@code ./mvnw test} is red on the stubs with the scoreboard at 0, and green for an
 * exercise once it is solved.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class StudentExportIT {
    private static final Path ROOT = AutograderRun.ROOT.toAbsolutePath().normalize();
    /** The published site the export is pointed at (the site's own IT exports with the built site instead). */
    private static final String SITE_URL = "https://example.org/sockets101/";

    record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code dir} with a small, known environment; output and error merged. */
    private static Result run(Path dir, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Path out = Files.createTempFile("export-it-", ".txt");
        Process process = builder.redirectOutput(out.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(process.exitValue(), text);
    }

    private static Map<String, String> buildEnv(String... extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"),
                "JAVA_HOME", System.getProperty("java.home"), "LANG", "C.UTF-8"));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private static Set<String> hashes(Path dir) throws Exception {
        Set<String> hashes = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }

    @Test
    void theExportedRepositoryHasNoSolutionsAndGradesItself(@TempDir Path work) throws Exception {
        Path dest = work.resolve("student");
        Result export = run(ROOT, buildEnv(), List.of("bash", ROOT.resolve("scripts/export-student").toString(),
                dest.toString(), "--lang", "en", "--jar", AutograderRun.JAR.toAbsolutePath().toString(),
                "--site-url", SITE_URL));
        assertThat(export.exitCode()).as(export.output()).isZero();

        // No solutions, no known mistakes, no maintainers' tools, no fixture (some are nearly solutions).
        List<String> files;
        try (Stream<Path> walk = Files.walk(dest)) {
            files = walk.filter(Files::isRegularFile).map(p -> dest.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(files).isNotEmpty().noneMatch(f -> f.startsWith("solutions/") || f.contains("/mistakes/")
                || f.startsWith("grader/autograder/src/test/") || f.startsWith("scripts/") || f.startsWith(".ci/"));
        // The solutions' own sources and the known mistakes (applied): not what a build of the
        // solutions module leaves in its target/ (test resources copied from the exercises, reports).
        Set<String> solutionHashes = hashes(ROOT.resolve("solutions/src"));
        solutionHashes.addAll(hashes(ROOT.resolve("solutions/mistakes")));
        if (Files.isDirectory(ROOT.resolve("solutions/target/mistakes"))) {
            solutionHashes.addAll(hashes(ROOT.resolve("solutions/target/mistakes")));
        }
        Set<String> exported = hashes(dest);
        exported.retainAll(solutionHashes);
        assertThat(exported).as("files whose content is a solution's or a mistake's").isEmpty();
        assertThat(files).contains("exercises/src/main/java/sockets101/server/Bind.java", "mvnw", "pom.xml",
                ".github/workflows/scoreboard.yml");
        // Classroom 50 writes .github/workflows/autograde.yaml itself at accept time; GitHub Classroom is retired.
        assertThat(files).filteredOn(f -> f.startsWith(".github/")).containsExactly(".github/workflows/scoreboard.yml");
        assertThat(files).noneMatch(f -> f.startsWith("grader/classroom/"));
        assertThat(Files.readString(dest.resolve("README.adoc"))).as("the students' README")
                .contains("./mvnw -q test -Dexercise=Bind", "./mvnw -q -Pwatch", "| `Bind` | " + AutograderRun.points("Bind") + " |")
                .doesNotContain("solutions/", "autograder.zip");
        String pom = Files.readString(dest.resolve("pom.xml"));
        assertThat(pom).doesNotContain("<module>solutions</module>").contains("<exercises.skip>false</exercises.skip>")
                .contains("<site.url>" + SITE_URL + "</site.url>");
        assertThat(files).as("with --site-url no site is carried, and this repository's Pages workflow stays here")
                .noneMatch(f -> f.startsWith("site/") || f.equals(".github/workflows/pages.yml"))
                .contains(".devcontainer/devcontainer.json", "grader/watch/pom.xml");

        // The workflow only shows the scoreboard of the student loop: no grading action, no points.
        String workflow = Files.readString(dest.resolve(".github/workflows/scoreboard.yml"));
        assertThat(workflow).contains("./mvnw -B -q test -Dlang=en", "exercises/target/grade/summary.md", "GITHUB_STEP_SUMMARY")
                .doesNotContain("classroom-resources/", "education/autograding", "max-score", "autograder.jar");
        int total = 0;
        for (String exercise : AutograderRun.manifest().keySet()) {
            total += AutograderRun.points(exercise);
        }

        // The repository builds offline; `./mvnw test` is red on the stubs, with the scoreboard at 0.
        long start = System.nanoTime();
        Result test = run(dest, buildEnv(), List.of("./mvnw", "-o", "-q", "-B", "test", "-Dlang=en"));
        System.out.printf("[export] ./mvnw -o -q -B test on the stubs: exit %d in %.1f s%n", test.exitCode(), (System.nanoTime() - start) / 1e9);
        assertThat(test.exitCode()).as(test.output()).isNotZero();
        assertThat(test.output()).contains("Sockets 101 — scoreboard").containsPattern("Total +0/" + total + "\\b")
                .contains("Not yet: 0/" + total + " points.", "Lesson: " + SITE_URL + "en/04-server.html#");
        // Nothing a student has to read past: no Maven error report, no surefire report, no stack trace.
        assertThat(test.output().lines()).as(test.output())
                .noneMatch(line -> line.startsWith("[ERROR]") || line.startsWith("[WARNING]") || line.startsWith("\tat "))
                .noneMatch(line -> line.contains("[Help 1]") || line.contains("-rf :") || line.contains("Failed to execute goal"));

        // Solving an exercise turns it green in the student's own loop, in Spanish.
        Files.copy(ROOT.resolve("solutions/src/main/java/sockets101/server/Bind.java"),
                dest.resolve("exercises/src/main/java/sockets101/server/Bind.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result green = run(dest, buildEnv(), List.of("./mvnw", "-o", "-q", "-B", "test", "-Dexercise=Bind", "-Dlang=es"));
        assertThat(green.exitCode()).as(green.output()).isZero();
        assertThat(green.output()).contains("Sockets 101 — marcador", "✔ Todo correcto: " + AutograderRun.points("Bind"));
    }
}
