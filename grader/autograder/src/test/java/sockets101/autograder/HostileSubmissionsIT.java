package sockets101.autograder;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades the hostile and broken submissions under {@code src/test/fixtures} with the built
 * {@code autograder.jar} as {@code --exercise Bind}, several at once (each in its own process,
 * as many as there are cores). Each must be graded (exit 0, a valid results file, nothing on
 * standard error), within a bound, with the maximum score of the manifest whatever ran, the
 * exact score expected, and the reason in the results.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // the exercises' 10 s default is for one graded test
class HostileSubmissionsIT {
    /** Seconds per exercise for the endless loop: short, so that it costs little. */
    static final int LIMIT = 4;
    /** Bound on a whole run: JVM start, compilation, the grading, on a loaded machine. */
    static final double BOUND = 30;

    /** What one fixture must get: the tests expected to fail and a check of the run, for an exercise. */
    record Expected(String exercise, Set<String> failing, Consumer<AutograderRun> check) {
        Expected(Set<String> failing, Consumer<AutograderRun> check) {
            this("Bind", failing, check);
        }
    }

    static final Set<String> ALL = Set.of("*");

    static Map<String, Expected> expectations() {
        Map<String, Expected> e = new LinkedHashMap<>();
        e.put("partial", new Expected(Set.of("aPortInUseThrowsBindException"), run ->
                assertReason(run, "aPortInUseThrowsBindException", "the BindException must reach the caller")));
        e.put("exit", new Expected(Set.of("aPortInUseThrowsBindException"), run ->
                assertReason(run, "aPortInUseThrowsBindException", "the submission's JVM ended (status 3; System.exit")));
        e.put("endless-loop", new Expected(ALL, run -> {
            assertThat(run.tests()).anySatisfy(t -> assertThat((String) t.get("output"))
                    .startsWith("stopped: the exercise went past its " + LIMIT + " s limit"));
            assertThat(run.tests()).allSatisfy(t -> assertThat((String) t.get("output")).containsPattern("stopped|not run"));
        }));
        e.put("leaked-threads", new Expected(Set.of(), run -> assertThat(run.output())
                .contains("[grader] the submission left 7 non-daemon thread(s) running ['fixture-waiter'")
                .contains("[grader] the submission left 7 process(es) running; they were killed")
                .doesNotContain("x".repeat(9000))
                .contains("[… output cut at 8192 bytes]")));
        e.put("stack-overflow", new Expected(ALL, run -> assertThat(run.tests())
                .allSatisfy(t -> assertThat((String) t.get("output")).contains("StackOverflowError"))
                .anySatisfy(t -> assertThat((String) t.get("output")).contains("endless recursion"))));
        e.put("static-init", new Expected(ALL, run -> assertThat(run.tests())
                .allSatisfy(t -> assertThat((String) t.get("output")).containsIgnoringCase("initializ"))
                .anySatisfy(t -> assertThat((String) t.get("output"))
                        .startsWith("the class's static initializer threw NumberFormatException: For input string: \"not a port\""))));
        e.put("broken-helper", new Expected(Set.of(), run -> assertThat(run.output())
                .contains("== javac src/main/java/sockets101/server/Scratch.java ==")
                .contains("Scratch.java:6: ';' expected")));
        e.put("broken-bind", new Expected(ALL, run -> {
            assertThat(run.tests()).allSatisfy(t -> assertThat((String) t.get("output")).startsWith(
                    "does not compile: src/main/java/sockets101/server/Bind.java:14: incompatible types"));
            assertThat(run.output()).doesNotContain("Helper.java");
        }));
        e.put("tampered", new Expected(ALL, run -> {
            assertThat(run.tests()).allSatisfy(t -> assertThat((String) t.get("output")).startsWith("not implemented yet: TODO"));
            assertThat(run.output()).contains("Only src/main/java/**/*.java is graded", "src/test/java/sockets101/server/BindTest.java",
                    "src/main/resources/junit-platform.properties",
                    "src/main/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener",
                    "pom.xml", "results.json", "src/main/java/sockets101/server/Link.java (symlink)");
            // Only the grader's own package matters: the submission's JVM has no tests or JUnit to shadow.
            assertThat(run.output()).contains("named like one of the grader's were ignored",
                    "sockets101.grader.ExerciseMain", "sockets101.grader.Exercise");
        }));
        e.put("forger", new Expected(ALL, run -> {
            // It cannot even see the grader, and the answers it forged decide nothing.
            assertThat(run.output()).doesNotContain("fixture sees a parent", "fixture read");
        }));
        e.put("escapee", new Expected(Set.of(), run -> assertThat(ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse("")))
                .as("no process the submission started outlives grading, setsid or not")
                .noneMatch(line -> line.contains("sleep 299.5"))));
        e.put("javac-crash", new Expected(Set.of(), run -> assertThat(run.output())
                .contains("== javac src/main/java/sockets101/server/Bomb.java ==", "javac did not finish this file")));
        e.put("non-ascii-name", new Expected(Set.of(), run -> assertThat(run.output()).doesNotContain("javac")));
        e.put("native-hog", new Expected(Set.of(), run -> assertThat(run.output())
                .contains("fixture: native allocation refused").doesNotContain("granted")));
        e.put("lying-record", new Expected("RecvFrom", ALL, run -> { }));
        return e;
    }

    private static void assertReason(AutograderRun run, String method, String reason) {
        try {
            assertThat((String) run.test("Bind", method).get("output")).contains(reason);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHostileSubmissionIsGradedInBoundedTimeWithItsReason(@TempDir Path work) throws Exception {
        Map<String, Expected> expectations = expectations();
        try (Stream<Path> dirs = Files.list(AutograderRun.FIXTURES)) {
            Set<String> fixtures = new java.util.TreeSet<>(dirs.map(p -> p.getFileName().toString()).toList());
            fixtures.remove("kill-grader"); // graded only with --run-as: see RunAsIT
            assertThat(expectations.keySet()).as("every fixture has its expectation").containsExactlyInAnyOrderElementsOf(fixtures);
        }

        Map<String, String> before = new LinkedHashMap<>();
        for (String fixture : expectations.keySet()) {
            before.put(fixture, fingerprint(AutograderRun.FIXTURES.resolve(fixture)));
        }
        // Grade them side by side, a process each, as many at a time as there are cores.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Map<String, Future<AutograderRun>> runs = new LinkedHashMap<>();
        for (String fixture : expectations.keySet()) {
            Path dir = Files.createDirectories(work.resolve(fixture));
            String limit = fixture.equals("endless-loop") ? String.valueOf(LIMIT) : "30";
            String exercise = expectations.get(fixture).exercise();
            runs.put(fixture, pool.submit(() -> AutograderRun.of(dir, "--submission",
                    AutograderRun.FIXTURES.resolve(fixture).toString(), "--exercise", exercise, "--lang", "en", "--time-limit", limit)));
        }
        pool.shutdown();
        return expectations.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            AutograderRun run = runs.get(entry.getKey()).get();
            Expected expected = entry.getValue();
            List<Map<String, Object>> manifest = AutograderRun.manifest().get(expected.exercise());
            int max = AutograderRun.points(expected.exercise());
            System.out.printf("[hostile] %-15s %2d/%d in %4.1f s%n", entry.getKey(), run.score(), run.maxScore(), run.seconds());
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stderr()).as(run.describe()).isEmpty();
            assertThat(GradescopeResults.problems(run.results())).as(run.describe()).isEmpty();
            assertThat(run.seconds()).as("bounded: " + run.describe()).isLessThan(BOUND);
            assertThat(run.maxScore()).as("the maximum never depends on what ran").isEqualTo(max);
            assertThat(fingerprint(AutograderRun.FIXTURES.resolve(entry.getKey()))).as("the submission folder is left as it was")
                    .isEqualTo(before.get(entry.getKey()));
            assertThat(run.tests()).hasSize(manifest.size());
            int expectedScore = 0;
            for (Map<String, Object> test : manifest) {
                String method = (String) test.get("method");
                boolean fails = expected.failing() == ALL || expected.failing().contains(method);
                assertThat(run.test(expected.exercise(), method).get("status")).as(method + "\n" + run.describe())
                        .isEqualTo(fails ? "failed" : "passed");
                expectedScore += fails ? 0 : ((Number) test.get("points")).intValue();
            }
            assertThat(run.score()).as(run.describe()).isEqualTo(expectedScore);
            expected.check().accept(run);
        }));
    }

    /**
     * A whole submission, the reference solutions but for a few hostile files: a Bind that starts a
     * process that leaves its session, a RecvFrom whose record lies in equals, a helper that
     * crashes javac and a file with a non-ASCII name. Only RecvFrom loses points; every other
     * exercise keeps full marks, and nothing the submission started is left running.
     */
    @Test
    void hostileFilesCostOnlyTheirExercise(@TempDir Path work) throws Exception {
        Path sub = work.resolve("submission/src/main/java");
        copyTree(AutograderRun.ROOT.resolve("solutions/src/main/java"), sub);
        Path server = sub.resolve("sockets101/server");
        Files.copy(AutograderRun.FIXTURES.resolve("escapee/src/main/java/sockets101/server/Bind.java"), server.resolve("Bind.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(AutograderRun.FIXTURES.resolve("javac-crash/src/main/java/sockets101/server/Bomb.java"), server.resolve("Bomb.java"));
        Files.copy(AutograderRun.FIXTURES.resolve("non-ascii-name/src/main/java/sockets101/server/\u00d1and\u00fa.java"),
                server.resolve("\u00d1and\u00fa.java"));
        Files.copy(AutograderRun.FIXTURES.resolve("lying-record/src/main/java/sockets101/general/RecvFrom.java"),
                sub.resolve("sockets101/general/RecvFrom.java"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        AutograderRun run = AutograderRun.of(Files.createDirectories(work.resolve("run")),
                "--submission", work.resolve("submission").toString(), "--lang", "en");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(GradescopeResults.problems(run.results())).as(run.describe()).isEmpty();
        run.byExercise().forEach((exercise, row) -> assertThat(row[0]).as(exercise + "\n" + run.describe())
                .isEqualTo(exercise.equals("RecvFrom") ? 0 : row[1]));
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
                .as("nothing the submission started is left").noneMatch(line -> line.contains("sleep 299.5"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
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

    /** Every file's path, size and content hash under {@code dir}. */
    private static String fingerprint(Path dir) throws IOException {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                s.append(dir.relativize(p)).append(' ');
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    s.append(java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
                s.append('\n');
            }
        }
        return s.toString();
    }
}
