package sockets101.grader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs small graded classes through JUnit with the listener, as a student's build does. */
@ExtendWith(EnglishFeedback.class)
class GradingListenerTest {
    /** A graded class of every kind of test; run by {@link #run}, never by the build itself (nested class). */
    @Exercise(lesson = "04-server", section = "demo")
    static class SampleTest {
        @Test
        @Graded(points = 2, es = "pasa", en = "passes")
        void passes() {
        }

        @Test
        @Graded(points = 3, es = "falla", en = "fails")
        void fails() {
            assertThat(1).as("one").isEqualTo(2);
        }

        @Test
        void ungraded() {
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        @Graded(points = 2, es = "param", en = "param")
        void oneInvocationFails(int n) {
            assertThat(n).as("n").isLessThan(3);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        @Graded(points = 2, es = "param ok", en = "param ok")
        void everyInvocationPasses(int n) {
            assertThat(n).isPositive();
        }

        @TestFactory
        @Graded(points = 2, es = "fábrica", en = "factory")
        Stream<DynamicTest> factory() {
            return Stream.of(dynamicTest("a", () -> { }), dynamicTest("b", () -> { }));
        }

        @RepeatedTest(2)
        @Graded(points = 1, es = "repetida", en = "repeated")
        void repeated() {
        }

        @Test
        @Graded(points = 1, es = "abortada", en = "aborted")
        void aborted() {
            assumeThat(false).as("no IPv6 here").isTrue();
        }

        @Test
        @Disabled("not today")
        @Graded(points = 1, es = "desactivada", en = "disabled")
        void disabled() {
        }

        @Nested
        class Inner {
            @Test
            @Graded(points = 4, es = "anidada", en = "nested")
            void nested() {
            }
        }
    }

    @Exercise(lesson = "04-server", section = "broken")
    static class BrokenStartTest {
        @BeforeAll
        static void cannotStart() {
            throw new IllegalStateException("no server");
        }

        @Test
        @Graded(points = 5, es = "nunca", en = "never")
        void never() {
        }
    }

    /** The listener, keeping its report instead of writing it. */
    static final class Capture extends GradingListener {
        GradeReport report;

        @Override
        protected void begin() {
        }

        @Override
        protected void finished(GradeReport report, double seconds) {
            this.report = report;
        }
    }

    static GradeReport run(Class<?> testClass) {
        Capture capture = new Capture();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestEngineAutoRegistration(false).addTestEngines(new JupiterTestEngine())
                        .enableTestExecutionListenerAutoRegistration(false).addTestExecutionListeners(capture).build())
                .execute(request().selectors(selectClass(testClass)).enableImplicitConfigurationParameters(false).build());
        return capture.report;
    }

    private static Map<String, Outcome> byMethod(GradeReport report) {
        ExerciseSpec exercise = report.exercises().get(0);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        exercise.tests().forEach(t -> outcomes.put(t.method(), report.outcome(exercise, t)));
        return outcomes;
    }

    @Test
    void everyKindOfTestIsGradedOncePerMethod() {
        GradeReport report = run(SampleTest.class);
        ExerciseSpec exercise = report.exercises().get(0);
        assertThat(exercise.name()).isEqualTo("Sample");
        assertThat(exercise.tests().stream().map(TestSpec::method)).containsExactlyInAnyOrder("passes", "fails", "ungraded",
                "oneInvocationFails", "everyInvocationPasses", "factory", "repeated", "aborted", "disabled", "Inner.nested");
        assertThat(exercise.maxPoints()).isEqualTo(2 + 3 + 1 + 2 + 2 + 2 + 1 + 1 + 1 + 4);
        Map<String, Outcome> outcomes = byMethod(report);
        assertThat(outcomes.entrySet().stream().filter(e -> e.getValue().passed()).map(Map.Entry::getKey)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("passes", "ungraded", "everyInvocationPasses", "factory", "repeated", "Inner.nested");
        assertThat(report.score()).isEqualTo(2 + 1 + 2 + 2 + 1 + 4);
        assertThat(outcomes.get("fails").reason()).startsWith("one\nexpected: 2");
        assertThat(outcomes.get("oneInvocationFails").reason()).startsWith("[3] 3: n\nExpecting actual:");
        assertThat(outcomes.get("aborted").reason()).contains("no IPv6 here");
        assertThat(outcomes.get("disabled").reason()).isEqualTo("skipped: not today");
        assertThat(exercise.tests().stream().filter(t -> t.method().equals("ungraded")).findFirst().orElseThrow().title(Lang.EN))
                .isEqualTo("ungraded");
    }

    @Test
    void aClassThatCannotStartFailsEachOfItsTestsWithTheReason() {
        GradeReport report = run(BrokenStartTest.class);
        assertThat(report.score()).isZero();
        assertThat(byMethod(report).get("never").reason()).isEqualTo("IllegalStateException: no server");
    }

    @Test
    void theManifestRoundTrips(@TempDir Path dir) throws Exception {
        Catalog catalog = Catalog.of(LauncherFactory.create().discover(request().selectors(selectClass(SampleTest.class))
                .enableImplicitConfigurationParameters(false).build()));
        Path manifest = dir.resolve(Catalog.MANIFEST);
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, catalog.toManifest());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(Catalog.fromManifest(loader).exercises()).isEqualTo(catalog.exercises());
        }
        assertThat(catalog.exercises().get(0).studentClass()).isEqualTo(GradingListenerTest.class.getName() + "$Sample");
    }
}
