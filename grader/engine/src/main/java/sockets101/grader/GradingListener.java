package sockets101.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a student's run. Registered through {@code META-INF/services}, so it joins any JUnit
 * run with the grader on the class path; it stays silent unless the plan holds
 * {@link Exercise} tests. At the end it prints the scoreboard and writes {@code results.json}
 * and {@code summary.md} into {@value #DIR_PROPERTY} (default {@code target/grade}).
 */
public class GradingListener implements TestExecutionListener {
    /** System property naming the folder the reports go to. */
    public static final String DIR_PROPERTY = "sockets101.grade.dir";

    private TestPlan plan;
    private Catalog catalog;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private long startNanos;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        catalog = Catalog.of(testPlan);
        startNanos = System.nanoTime();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        catalog.graded(id).ifPresent(this::started);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        for (Outcome test : catalog.gradedUnder(plan, id)) {
            record(Outcome.failed(test.exercise(), test.method(),
                    Lang.say("omitida: ", "skipped: ") + reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String reason = result.getThrowable().map(Reasons::of)
                .orElse(result.getStatus() == TestExecutionResult.Status.ABORTED
                        ? Lang.say("abortada", "aborted") : null);
        if (id.isTest()) {
            catalog.graded(id).ifPresent(test -> record(new Outcome(test.exercise(), test.method(),
                    result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, reason)));
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // A class that fails to start (a static initializer, @BeforeAll) fails all its tests.
            for (Outcome test : catalog.gradedUnder(plan, id)) {
                if (!outcomes.containsKey(test.key())) {
                    record(Outcome.failed(test.exercise(), test.method(), reason));
                }
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (catalog.exercises().isEmpty()) {
            return;
        }
        GradeReport report = new GradeReport(catalog.exercises(), outcomes, Lang.current());
        finished(report, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Called as a graded test starts. */
    protected void started(Outcome test) {
    }

    /** Called as a graded test ends. */
    protected void record(Outcome outcome) {
        outcomes.put(outcome.key(), outcome);
    }

    /** Called with the whole report: prints the scoreboard and writes the files. */
    protected void finished(GradeReport report, double seconds) {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/grade"));
        try {
            report.write(dir, seconds, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade to " + dir.toAbsolutePath(), e);
        }
        System.out.println(report.scoreboard());
        System.out.println(Lang.say("Informe: ", "Report: ") + dir.resolve("results.json") + ", " + dir.resolve("summary.md"));
    }
}
