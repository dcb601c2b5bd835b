package sockets101.grader;

import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import sockets101.grader.remote.Connection;
import sockets101.grader.remote.Remote;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Grades one exercise in the autograder's own (trusted) JVM: its tests run here, with JUnit, and
 * every call of the student's code goes to a submission JVM that holds nothing that decides a
 * verdict ({@link sockets101.grader.remote.Host}). Each verdict is an assertion of the trusted
 * test on what it observed on its own sockets or on plain data the student's method returned.
 *
 * <p>The whole exercise has a hard time limit: past it the submission JVM (and, through the
 * {@link Sandbox}, every process it started) is ended, and the tests not finished fail with
 * the reason.
 */
final class ExerciseRunner {
    /** Default timeout of a test that declares none. */
    static final String DEFAULT_TIMEOUT = "10 s";
    /** Bound on the time before the first test starts (discovery, class loading). */
    static final Duration STARTUP = Duration.ofSeconds(60);

    private final URL[] trustedClassPath;
    private final HostCommand host;
    private final Duration limit;
    private final Lang lang;

    ExerciseRunner(URL[] trustedClassPath, HostCommand host, Duration limit, Lang lang) {
        this.trustedClassPath = trustedClassPath;
        this.host = host;
        this.limit = limit;
        this.lang = lang;
    }

    /** The outcomes of the exercise's tests, and what the student's code printed (capped). */
    record Result(Map<String, Outcome> outcomes, String output) {
    }

    Result grade(ExerciseSpec exercise, Path classes, Path work) throws InterruptedException, IOException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicReference<String> running = new AtomicReference<>();
        AtomicInteger starts = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        try (ExerciseLoader loader = new ExerciseLoader(exercise.name(), trustedClassPath, ExerciseRunner.class.getClassLoader());
             Connection connection = new Connection(() -> host.builder(exercise.name() + "-" + starts.incrementAndGet(), classes, work),
                     loader)) {
            Remote.bind(loader, connection);
            try {
                Collector collector = new Collector(connection, outcomes, running, over, notRun());
                Thread tests = new Thread(() -> run(exercise, loader, collector), "grading-" + exercise.name());
                tests.setDaemon(true);
                tests.setContextClassLoader(loader);
                tests.start();
                awaitWithinLimit(tests, collector);
                if (tests.isAlive()) {
                    over.set(true);
                    String current = running.get();
                    if (current != null) {
                        outcomes.putIfAbsent(current, Outcome.failed(exercise.name(), current, stopped()));
                    }
                    // Ends the submission's JVM: what the tests wait for fails at once.
                    connection.close();
                    tests.join(5_000);
                }
                for (TestSpec test : exercise.tests()) {
                    outcomes.putIfAbsent(test.id(), Outcome.failed(exercise.name(), test.id(), notRun()));
                }
            } finally {
                Remote.unbind(loader);
            }
            StringBuilder notes = new StringBuilder();
            connection.leftovers().forEach(n -> notes.append("[grader] ").append(n).append('\n'));
            return new Result(Map.copyOf(outcomes), notes + connection.output());
        }
    }

    /**
     * Waits for the tests to end, at most the limit from the moment the first test starts: the
     * limit is the student's code's time, not the grader's start-up on a loaded machine (bounded
     * apart, by {@link #STARTUP}).
     */
    private void awaitWithinLimit(Thread tests, Collector collector) throws InterruptedException {
        long startupDeadline = System.nanoTime() + STARTUP.toNanos();
        while (tests.isAlive()) {
            long first = collector.firstStart.get();
            long deadline = first == 0 ? startupDeadline : first + limit.toNanos();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            tests.join(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
        }
    }

    private void run(ExerciseSpec exercise, ClassLoader loader, Collector collector) {
        List<DiscoverySelector> tests = new ArrayList<>();
        exercise.tests().forEach(t -> tests.add(DiscoverySelectors.selectUniqueId(t.id())));
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestExecutionListeners(collector)
                .build());
        launcher.execute(request()
                .selectors(tests)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.default", DEFAULT_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build());
    }

    private String stopped() {
        return lang.pick("detenida: el ejercicio superó su límite de " + limit.toSeconds()
                        + " s (¿un bucle sin fin, o una espera que nunca termina?)",
                "stopped: the exercise went past its " + limit.toSeconds()
                        + " s limit (an endless loop, or a wait that never ends?)");
    }

    private String notRun() {
        return lang.pick("no se ejecutó: el ejercicio ya había superado su límite de " + limit.toSeconds() + " s",
                "not run: the exercise had already gone past its " + limit.toSeconds() + " s limit");
    }

    /** Keeps each graded test's outcome; after each test the submission's JVM drops what it left open. */
    private static final class Collector extends GradingListener {
        private final Connection connection;
        private final Map<String, Outcome> outcomes;
        private final AtomicReference<String> running;
        private final java.util.concurrent.atomic.AtomicBoolean over;
        private final String notRun;
        final java.util.concurrent.atomic.AtomicLong firstStart = new java.util.concurrent.atomic.AtomicLong();

        Collector(Connection connection, Map<String, Outcome> outcomes, AtomicReference<String> running,
                  java.util.concurrent.atomic.AtomicBoolean over, String notRun) {
            this.connection = connection;
            this.outcomes = outcomes;
            this.running = running;
            this.over = over;
            this.notRun = notRun;
        }

        @Override
        protected void begin() {
            // The autograder writes the reports itself.
        }

        @Override
        protected void started(String test) {
            firstStart.compareAndSet(0, System.nanoTime());
            running.set(test);
        }

        @Override
        protected void record(Outcome outcome) {
            // Past the limit, what the tests still report is only the submission's JVM being gone.
            outcomes.putIfAbsent(outcome.key(), over.get() ? Outcome.failed(outcome.exercise(), outcome.test(), notRun) : outcome);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            super.executionFinished(id, result);
            if (id.isTest()) {
                connection.afterTest();
            }
        }

        @Override
        protected void finished(GradeReport report, double seconds) {
            // The autograder writes the reports itself.
        }
    }
}
