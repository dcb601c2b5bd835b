package sockets101.autograder;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code autograder.zip} as Gradescope uses it: unzipped into {@code /autograder/source},
 * {@code run_autograder} copied to {@code /autograder}, the student's files in
 * {@code /autograder/submission}; here the tree is a temporary folder named by
 * {@code AUTOGRADER_ROOT}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class GradescopeIT {

    @Test
    void theZipHoldsTheTwoScriptsAndTheJarAtItsRoot() throws Exception {
        try (ZipFile zip = new ZipFile(AutograderRun.ZIP.toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName))
                    .containsExactlyInAnyOrder("setup.sh", "run_autograder", "autograder.jar");
            String setup = new String(zip.getInputStream(zip.getEntry("setup.sh")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(setup).startsWith("#!/usr/bin/env bash").contains("apt-get install").contains("openjdk-17-jdk-headless")
                    .doesNotContain("\r");
            assertThat(zip.getEntry("autograder.jar").getSize()).isEqualTo(Files.size(AutograderRun.JAR));
        }
        for (String script : List.of("setup.sh", "run_autograder")) {
            Process check = new ProcessBuilder("bash", "-n", AutograderRun.ROOT.resolve("grader/autograder/src/gradescope/" + script)
                    .toString()).redirectErrorStream(true).start();
            assertThat(check.waitFor()).as(script + " parses: " + new String(check.getInputStream().readAllBytes())).isZero();
        }
    }

    /** A fresh /autograder tree holding the unzipped autograder and {@code submission}. */
    private static Path tree(Path dir, Path sources, String layout) throws Exception {
        Path root = Files.createDirectories(dir.resolve("autograder"));
        Path source = Files.createDirectories(root.resolve("source"));
        Process unzip = new ProcessBuilder("unzip", "-q", AutograderRun.ZIP.toString(), "-d", source.toString())
                .redirectErrorStream(true).start();
        assertThat(unzip.waitFor()).as("unzip: " + new String(unzip.getInputStream().readAllBytes())).isZero();
        assertThat(source.resolve("run_autograder")).isExecutable();
        assertThat(source.resolve("setup.sh")).isExecutable();
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"), StandardCopyOption.COPY_ATTRIBUTES);
        Path submission = Files.createDirectories(root.resolve("submission"));
        if (sources != null) {
            copy(sources, submission.resolve(layout));
        }
        return root;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static Process runAutograder(Path root, String... env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("run_autograder").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(root.resolve("stdout.txt").toFile());
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().put("JAVA", AutograderRun.JAVA);
        builder.environment().put("SOCKETS101_LANG", "en");
        return builder.start();
    }

    private static Map<String, Object> results(Path root, Process process) throws Exception {
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String stdout = Files.readString(root.resolve("stdout.txt"));
        assertThat(process.exitValue()).as("run_autograder always exits 0 once results.json is written: " + stdout).isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).as(stdout).exists();
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(results));
        assertThat(GradescopeResults.problems(json)).as(stdout + json).isEmpty();
        return json;
    }

    @Test
    void runAutograderGradesTheSubmissionIntoResultsJson(@TempDir Path dir) throws Exception {
        int total = 0;
        for (String exercise : AutograderRun.manifest().keySet()) {
            total += AutograderRun.points(exercise);
        }
        // A whole repository (as Gradescope's GitHub upload gives it) holding the reference solutions,
        // and a bare src/main/java upload holding the stubs.
        Path solved = tree(Files.createDirectories(dir.resolve("solved")),
                AutograderRun.ROOT.resolve("solutions/src/main/java"), "exercises/src/main/java");
        Path stubs = tree(Files.createDirectories(dir.resolve("stubs")),
                AutograderRun.ROOT.resolve("exercises/src/main/java"), "src/main/java");
        Process solvedRun = runAutograder(solved);
        Process stubsRun = runAutograder(stubs);
        Map<String, Object> full = results(solved, solvedRun);
        assertThat(((Number) full.get("score")).intValue()).as(full.toString()).isEqualTo(total);
        assertThat(((Number) full.get("max_score")).intValue()).isEqualTo(total);
        Map<String, Object> none = results(stubs, stubsRun);
        assertThat(((Number) none.get("score")).intValue()).isZero();
        assertThat(((Number) none.get("max_score")).intValue()).isEqualTo(total);

        // Every test carries its status; on top, in Markdown, a row per exercise and the total.
        for (Map<String, Object> json : List.of(full, none)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
            assertThat(tests).isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).isIn("passed", "failed"));
            assertThat(json.get("output_format")).isEqualTo("md");
        }
        assertThat((String) full.get("output")).startsWith("| | Exercise | Points | Max |")
                .contains("| ✔ | Bind | " + AutograderRun.points("Bind") + " | " + AutograderRun.points("Bind") + " |",
                        "| | **Total** | **" + total + "** | **" + total + "** |");
        assertThat((String) none.get("output")).contains("| ✘ | Bind | 0 | " + AutograderRun.points("Bind") + " |",
                "| | **Total** | **0** | **" + total + "** |");
    }

    @Test
    void aGradingPastTheTotalLimitStillWritesResultsThatSayWhy(@TempDir Path dir) throws Exception {
        // A whole grading of the solutions takes well over 2 s (18 exercises, a JVM each).
        Path root = tree(dir, AutograderRun.ROOT.resolve("solutions/src/main/java"), "src/main/java");
        Map<String, Object> json = results(root, runAutograder(root, "AUTOGRADER_TOTAL_LIMIT", "2"));
        assertThat(json.get("score")).isEqualTo(0);
        assertThat((String) json.get("output")).startsWith("The autograder could not grade this submission (exit status 124):")
                .contains("did not finish within 2 s");
    }

    @Test
    void aBrokenInstallStillWritesResultsThatSayWhy(@TempDir Path dir) throws Exception {
        Path root = tree(dir, null, null);
        Files.delete(root.resolve("source/autograder.jar"));
        Map<String, Object> json = results(root, runAutograder(root));
        assertThat(json.get("score")).isEqualTo(0);
        assertThat((String) json.get("output")).startsWith("The autograder could not grade this submission (exit status 1):")
                .contains("autograder.jar");
    }

    @Test
    void asRootTheSubmissionRunsAsNobody(@TempDir Path dir) throws Exception {
        assumeThat(System.getProperty("user.name")).as("only root can drop privileges; this build does not run as root")
                .isEqualTo("root");
        Path root = tree(dir, AutograderRun.FIXTURES.resolve("kill-grader/src/main/java"), "src/main/java");
        Map<String, Object> json = results(root, runAutograder(root));
        assertThat((String) json.get("output")).contains("fixture Uid: 65534").doesNotContain("fixture killed its parent: true");
    }
}
