package sockets101.grader;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a student's run. Registered through {@code META-INF/services}, so it joins any JUnit
 * run with the grader on the class path; it stays silent unless the plan holds
 * {@link Exercise} tests. At the end it writes {@code results.json}, {@code summary.md} and
 * {@code scoreboard.txt} into {@value #DIR_PROPERTY} (default {@code target/grade}) and prints
 * the scoreboard, unless {@value #PRINT_PROPERTY} is {@code false} (the Maven build prints it
 * last, after Maven's own report, see {@link Verdict}).
 *
 * <p>A test that did not pass counts as failed, skipped and aborted ones included: the
 * maximum score never depends on what ran. A parameterized, repeated or factory test passes
 * only when every invocation passes.
 */
public class GradingListener implements TestExecutionListener {
    /** System property naming the folder the reports go to. */
    public static final String DIR_PROPERTY = "sockets101.grade.dir";
    /** System property: {@code false} writes the reports without printing the scoreboard. */
    public static final String PRINT_PROPERTY = "sockets101.grade.print";

    private TestPlan plan;
    private Catalog catalog;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    /** First failure among the invocations of a graded test, by its key. */
    private final Map<String, String> invocationFailures = new HashMap<>();
    private long startNanos;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        catalog = Catalog.of(testPlan);
        startNanos = System.nanoTime();
        if (!catalog.exercises().isEmpty()) {
            begin();
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        catalog.graded(id).ifPresent(node -> started(node.id()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        for (Catalog.Node test : catalog.gradedUnder(plan, id)) {
            record(Outcome.failed(test.exercise(), test.id(), Lang.say("omitida: ", "skipped: ") + reason));
        }
        if (catalog.graded(id).isEmpty()) {
            catalog.gradedAncestor(plan, id).ifPresent(node -> invocationFailures.putIfAbsent(node.id(),
                    id.getDisplayName() + ": " + Lang.say("omitida: ", "skipped: ") + reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean ok = result.getStatus() == Status.SUCCESSFUL;
        String reason = ok ? null : reason(result);
        var graded = catalog.graded(id);
        if (graded.isPresent()) {
            Catalog.Node node = graded.get();
            String failedInvocation = invocationFailures.get(node.id());
            if (ok && failedInvocation == null) {
                record(Outcome.passed(node.exercise(), node.id()));
            } else {
                record(Outcome.failed(node.exercise(), node.id(), reason != null ? reason : failedInvocation));
            }
            return;
        }
        if (ok) {
            return;
        }
        var ancestor = catalog.gradedAncestor(plan, id);
        if (ancestor.isPresent()) {
            // One invocation of a parameterized, repeated or factory test failed.
            invocationFailures.putIfAbsent(ancestor.get().id(), id.getDisplayName() + ": " + reason);
            return;
        }
        // A class that fails to start (a static initializer, @BeforeAll) fails all its tests.
        for (Catalog.Node test : catalog.gradedUnder(plan, id)) {
            if (!outcomes.containsKey(test.id())) {
                record(Outcome.failed(test.exercise(), test.id(), reason));
            }
        }
    }

    private static String reason(TestExecutionResult result) {
        return result.getThrowable().map(Reasons::of).orElse(result.getStatus() == Status.ABORTED
                ? Lang.say("abortada", "aborted") : Lang.say("falló", "failed"));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (catalog.exercises().isEmpty()) {
            return;
        }
        GradeReport report = new GradeReport(catalog.exercises(), outcomes, Lang.current());
        finished(report, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Called once before any graded test runs: clears the reports of an earlier run. */
    protected void begin() {
        Path dir = dir();
        try {
            for (String file : GradeReport.FILES) {
                Files.deleteIfExists(dir.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir.toAbsolutePath(), e);
        }
    }

    /** Called as a graded test starts, with its key. */
    protected void started(String test) {
    }

    /** Called as a graded test ends. */
    protected void record(Outcome outcome) {
        outcomes.put(outcome.key(), outcome);
    }

    /** Called with the whole report: writes the files and prints the scoreboard. */
    protected void finished(GradeReport report, double seconds) {
        Path dir = dir();
        try {
            report.write(dir, seconds, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade to " + dir.toAbsolutePath(), e);
        }
        if (!"false".equals(System.getProperty(PRINT_PROPERTY))) {
            System.out.println(report.scoreboard(1));
            System.out.println(Lang.say("Informe: ", "Report: ") + dir.resolve("summary.md"));
        }
    }

    private static Path dir() {
        return Path.of(System.getProperty(DIR_PROPERTY, "target/grade"));
    }
}
