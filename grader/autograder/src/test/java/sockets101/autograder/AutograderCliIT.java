package sockets101.autograder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The command line of {@code autograder.jar}: exit codes, {@code --list}, {@code --require-full}, {@code --run-as}. */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // the exercises' 10 s default is for one graded test
class AutograderCliIT {
    private static final String SOLUTIONS = AutograderRun.ROOT.resolve("solutions").toString();
    private static final String STUBS = AutograderRun.ROOT.resolve("exercises").toString();

    @Test
    void listNamesEachExerciseWithItsPoints(@TempDir Path work) throws Exception {
        AutograderRun run = AutograderRun.of(work, "--list");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        Map<String, List<Map<String, Object>>> manifest = AutograderRun.manifest();
        assertThat(run.stdout().lines().toList()).hasSize(manifest.size());
        for (String exercise : manifest.keySet()) {
            assertThat(run.stdout()).contains(exercise + "\t" + AutograderRun.points(exercise) + "\t" + manifest.get(exercise).size());
        }
    }

    @Test
    void requireFullExitsZeroSilentlyOnFullMarksAndOneWithTheScoreboardOnStandardError(@TempDir Path work) throws Exception {
        // GitHub Classroom's command grader fails a step that writes anything to standard error.
        AutograderRun.Pending fullRun = AutograderRun.start(Files.createDirectories(work.resolve("full")),
                "--submission", SOLUTIONS, "--exercise", "Bind", "--require-full", "--lang", "en");
        AutograderRun.Pending stubRun = AutograderRun.start(Files.createDirectories(work.resolve("stub")),
                "--submission", STUBS, "--exercise", "Bind", "--require-full", "--lang", "es");
        AutograderRun.Pending plainRun = AutograderRun.start(Files.createDirectories(work.resolve("plain")),
                "--submission", STUBS, "--exercise", "Bind");
        AutograderRun full = fullRun.finish();
        assertThat(full.exitCode()).as(full.describe()).isZero();
        assertThat(full.stderr()).as(full.describe()).isEmpty();
        assertThat(full.stdout()).contains("✔ All passed");
        AutograderRun stub = stubRun.finish();
        assertThat(stub.exitCode()).as(stub.describe()).isEqualTo(1);
        assertThat(stub.stderr()).contains("✘ Bind: lo que falla", "No llega a la nota máxima: 0/" + AutograderRun.points("Bind"));
        assertThat(stub.score()).isZero();
        AutograderRun plain = plainRun.finish();
        assertThat(plain.exitCode()).as("without --require-full, grading done means exit 0: " + plain.describe()).isZero();
    }

    @Test
    void whatCannotBeGradedExitsTwoWithTheReason(@TempDir Path work) throws Exception {
        AutograderRun unknown = AutograderRun.of(Files.createDirectories(work.resolve("a")),
                "--submission", SOLUTIONS, "--exercise", "NoSuchExercise");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown exercise 'NoSuchExercise'; known: [");
        AutograderRun missing = AutograderRun.of(Files.createDirectories(work.resolve("b")),
                "--submission", work.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("submission folder not found");
    }

    @Test
    void anEmptySubmissionScoresZeroWithTheMissingClassNamed(@TempDir Path work) throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        AutograderRun run = AutograderRun.of(Files.createDirectories(work.resolve("run")), "--submission", empty.toString(),
                "--lang", "en");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(GradescopeResults.problems(run.results())).isEmpty();
        assertThat(run.score()).isZero();
        assertThat(run.maxScore()).isEqualTo(AutograderRun.manifest().keySet().stream().mapToInt(e -> {
            try {
                return AutograderRun.points(e);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }).sum());
        assertThat(run.testsOf("Bind")).allSatisfy(t -> assertThat((String) t.get("output"))
                .startsWith("missing class sockets101.server.Bind (src/main/java/sockets101/server/Bind.java)"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void runAsDropsTheSubmissionsPrivileges(@TempDir Path work) throws Exception {
        assumeThat(System.getProperty("user.name")).as("--run-as needs root; this build does not run as root").isEqualTo("root");
        assumeThat(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")))
                .as("setpriv (util-linux) is not installed").isTrue();
        // Root's files the submission links to from its folder: clean-up must not follow the links.
        Path victim = Path.of("/tmp/sockets101-victim");
        Path victimDir = Path.of("/tmp/sockets101-victim-dir");
        Files.writeString(victim, "root's");
        Files.createDirectories(victimDir);
        Files.writeString(victimDir.resolve("kept"), "root's");
        try {
            AutograderRun run = AutograderRun.of(work, "--submission", AutograderRun.FIXTURES.resolve("kill-grader").toString(),
                    "--exercise", "Bind", "--run-as", "nobody", "--lang", "en");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.output()).contains("fixture Uid: 65534").doesNotContain("fixture killed its parent: true")
                    .doesNotContain("fixture could not link");
            assertThat(run.score()).as(run.describe()).isEqualTo(run.maxScore());
            assertThat(victim).as("a root file the submission linked to").hasContent("root's");
            assertThat(victimDir.resolve("kept")).as("a root folder the submission linked to").hasContent("root's");
        } finally {
            Files.deleteIfExists(victimDir.resolve("kept"));
            Files.deleteIfExists(victimDir);
            Files.deleteIfExists(victim);
        }
    }
}
