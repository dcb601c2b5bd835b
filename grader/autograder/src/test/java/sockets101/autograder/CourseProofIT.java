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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course's own proof, run by {@code ./mvnw verify}: the graded tests, as built into
 * {@code autograder.jar}, give the reference solutions full marks, the stubs 0 (every test
 * failing) and every known mistake less than full marks.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // the exercises' 10 s default is for one graded test
class CourseProofIT {
    private static final Path SOLUTIONS = AutograderRun.ROOT.resolve("solutions");
    private static final Path STUBS = AutograderRun.ROOT.resolve("exercises");
    /** Each known mistake is a diff, {@code solutions/mistakes/NAME/SLUG.diff}, ... */
    private static final Path DIFFS = SOLUTIONS.resolve("mistakes");
    /** ... that the solutions' build applies into a submission folder, {@code target/mistakes/NAME/SLUG}. */
    private static final Path MISTAKES = SOLUTIONS.resolve("target/mistakes");

    @Test
    void referenceSolutionsScoreFullMarks(@TempDir Path work) throws Exception {
        AutograderRun run = AutograderRun.of(work, "--submission", SOLUTIONS.toString(), "--lang", "en");
        run.byExercise().forEach((exercise, row) ->
                System.out.printf("[proof] solution %-12s %3d/%d%n", exercise, row[0], row[1]));
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.tests()).as(run.stdout()).allSatisfy(t -> assertThat(t.get("status")).isEqualTo("passed"));
        assertThat(run.score()).isEqualTo(run.maxScore()).isPositive();
    }

    @Test
    void stubsScoreZeroWithEveryTestFailing(@TempDir Path work) throws Exception {
        AutograderRun run = AutograderRun.of(work, "--submission", STUBS.toString(), "--lang", "en");
        run.byExercise().forEach((exercise, row) ->
                System.out.printf("[proof] stub     %-12s %3d/%d%n", exercise, row[0], row[1]));
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.tests()).as("a test that passes on the stub proves nothing")
                .allSatisfy(t -> assertThat(t.get("status")).as((String) t.get("name")).isEqualTo("failed"));
        assertThat(run.score()).isZero();
    }

    @TestFactory
    Stream<DynamicTest> everyKnownMistakeLosesPoints(@TempDir Path work) throws IOException {
        // Graded side by side, a process each, as many at a time as there are cores.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Map<Path, Future<AutograderRun>> runs = new LinkedHashMap<>();
        for (Path mistake : knownMistakes().toList()) {
            String exercise = mistake.getParent().getFileName().toString();
            Path dir = Files.createDirectories(work.resolve(label(mistake).replace('/', '_')));
            runs.put(mistake, pool.submit(() -> AutograderRun.of(dir, "--submission", mistake.toString(),
                    "--exercise", exercise, "--lang", "en")));
        }
        pool.shutdown();
        return runs.entrySet().stream().map(entry -> DynamicTest.dynamicTest(label(entry.getKey()), () -> {
            Path mistake = entry.getKey();
            AutograderRun run = entry.getValue().get();
            System.out.printf("[proof] mistake  %-40s %3d/%d%n", label(mistake), run.score(), run.maxScore());
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.score()).as("known mistake " + label(mistake) + " must lose points\n" + run.stdout())
                    .isLessThan(run.maxScore());
        }));
    }

    @Test
    void everyExerciseHasAtLeastTwoKnownMistakes(@TempDir Path work) throws Exception {
        AutograderRun run = AutograderRun.of(work, "--submission", work.toString(), "--lang", "en");
        Map<String, int[]> exercises = run.byExercise();
        assertThat(exercises).isNotEmpty();
        for (String exercise : exercises.keySet()) {
            Path dir = MISTAKES.resolve(exercise);
            try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) { // as built from the diffs
                assertThat(list.filter(Files::isDirectory).count())
                        .as("known mistakes of " + exercise + " under " + dir).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private static Stream<Path> knownMistakes() throws IOException {
        // Built by the solutions module (mvnw package): one folder per diff, or the proof is stale.
        long diffs;
        try (Stream<Path> all = Files.walk(DIFFS)) {
            diffs = all.filter(p -> p.toString().endsWith(".diff")).count();
        }
        assertThat(diffs).as("known mistakes under " + DIFFS).isPositive();
        try (Stream<Path> exercises = Files.list(MISTAKES)) {
            List<Path> all = exercises.filter(Files::isDirectory).sorted().flatMap(e -> {
                try (Stream<Path> list = Files.list(e)) {
                    return list.filter(Files::isDirectory).sorted().toList().stream();
                } catch (IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            }).toList();
            assertThat(all).as("folders built from the diffs under " + MISTAKES
                    + " (build the solutions module first: ./mvnw package -pl solutions)").hasSize((int) diffs);
            return all.stream();
        }
    }

    private static String label(Path mistake) {
        return mistake.getParent().getFileName() + "/" + mistake.getFileName();
    }
}
