package sockets101.grader.watch;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import sockets101.grader.ExerciseSpec;
import sockets101.grader.GradeReport;
import sockets101.grader.GradingListener;
import sockets101.grader.Lang;
import sockets101.grader.LessonLinks;
import sockets101.grader.Outcome;
import sockets101.grader.Reasons;
import sockets101.grader.TestSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs exercises' graded tests in this process with one JUnit Platform launcher, kept for the
 * whole session, and the grader's {@link GradingListener}: each run in a {@link FreshLoader}
 * of its own. Exercises that do not compile are graded 0 here, each test failing with the
 * compiler's message, so the maximum score never depends on what compiled.
 */
final class ExerciseRunner {
    /** Stack frames of JUnit, AssertJ and reflection: between the test and the student's code, nothing to read. */
    private static final java.util.regex.Pattern MACHINERY = java.util.regex.Pattern.compile(
            "^\\s*at (org\\.junit\\.|org\\.assertj\\.|java\\.base/jdk\\.internal\\.|java\\.base/java\\.lang\\.reflect\\."
                    + "|java\\.base/java\\.util\\.|java\\.base/java\\.lang\\.Thread\\.)");

    /** The longest output of the student's code a run keeps. */
    private static final int MAX_OUTPUT = 8 * 1024;

    /** A graded run: the report, what the code printed, and each failure's stack trace by test id. */
    record Run(GradeReport report, String output, Map<String, String> traces, double seconds) {
    }

    private final Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false).build());
    private final ClassLoader parent;
    private final Path docs;

    ExerciseRunner(ClassLoader parent, Path docs) {
        this.parent = parent;
        this.docs = docs;
    }

    /** Grades {@code entries} with what {@code build} holds. */
    Run run(Workspace.Build build, List<ExerciseIndex.Entry> entries, Lang lang, LessonLinks links) throws IOException {
        long start = System.nanoTime();
        List<ExerciseSpec> specs = new ArrayList<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> traces = new HashMap<>();
        String output = "";
        List<ExerciseIndex.Entry> runnable = entries.stream().filter(e -> !build.broken().containsKey(e.name())).toList();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (FreshLoader loader = new FreshLoader(build.folders(), parent, docs)) {
            thread.setContextClassLoader(loader);
            Listener listener = new Listener(traces);
            if (!runnable.isEmpty()) {
                List<Class<?>> classes = new ArrayList<>();
                for (ExerciseIndex.Entry entry : runnable) {
                    classes.add(loader.loadClass(entry.testClass()));
                }
                LauncherDiscoveryRequest request = request()
                        .selectors(classes.stream().map(c -> selectClass(c)).toList())
                        .enableImplicitConfigurationParameters(false)
                        // The same bounds as the exercises' junit-platform.properties and the autograder.
                        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                        .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                        .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                        .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                        .build();
                PrintStream capture = new PrintStream(new Capped(printed), true, StandardCharsets.UTF_8);
                System.setOut(capture);
                System.setErr(capture);
                try {
                    launcher.execute(request, listener);
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
                output = printed.toString(StandardCharsets.UTF_8);
            }
            if (listener.report != null) {
                for (ExerciseSpec spec : listener.report.exercises()) {
                    specs.add(spec);
                    for (TestSpec test : spec.tests()) {
                        outcomes.put(test.id(), listener.report.outcome(spec, test));
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled tests lack " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        for (ExerciseIndex.Entry entry : entries) {
            String errors = build.broken().get(entry.name());
            if (errors != null) {
                ExerciseSpec spec = SourceSpecs.of(entry);
                specs.add(spec);
                String reason = lang.pick("no compila:\n", "does not compile:\n") + Reasons.cap(errors);
                String again = lang.pick("no compila (arriba, por qué)", "does not compile (why: above)");
                for (TestSpec test : spec.tests()) {
                    outcomes.put(test.id(), Outcome.failed(spec.name(), test.id(), test == spec.tests().get(0) ? reason : again));
                }
            }
        }
        List<String> order = entries.stream().map(ExerciseIndex.Entry::name).toList();
        specs.sort(java.util.Comparator.comparingInt(s -> order.indexOf(s.name())));
        return new Run(new GradeReport(specs, outcomes, lang, links), output, traces, (System.nanoTime() - start) / 1e9);
    }

    /** The grader's listener, keeping the report instead of printing it, and the stack traces. */
    private static final class Listener extends GradingListener {
        private final Map<String, String> traces;
        private GradeReport report;

        Listener(Map<String, String> traces) {
            this.traces = traces;
        }

        @Override
        protected void begin() {
            // The caller writes the reports, once, for the whole run.
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            super.executionFinished(id, result);
            result.getThrowable().ifPresent(t -> {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                traces.putIfAbsent(id.getUniqueId(), trace.toString().lines().filter(l -> !MACHINERY.matcher(l).find())
                        .collect(java.util.stream.Collectors.joining("\n")));
            });
        }

        @Override
        protected void finished(GradeReport report, double seconds) {
            this.report = report;
        }
    }

    /** Keeps the first {@link #MAX_OUTPUT} bytes written to it. */
    private static final class Capped extends java.io.OutputStream {
        private final ByteArrayOutputStream sink;

        Capped(ByteArrayOutputStream sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (sink.size() < MAX_OUTPUT) {
                sink.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            sink.write(b, off, Math.max(0, Math.min(len, MAX_OUTPUT - sink.size())));
        }
    }
}
