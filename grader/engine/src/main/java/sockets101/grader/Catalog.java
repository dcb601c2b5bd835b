package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graded exercises of a test plan, or of the manifest the build writes from it, and the
 * map from JUnit's test identifiers to exercise and test.
 */
public final class Catalog {
    /** Where the build puts the manifest of the trusted tests, on the autograder's class path. */
    public static final String MANIFEST = "sockets101/grader/manifest.json";

    private final List<ExerciseSpec> exercises;
    private final Map<String, Outcome> byUniqueId;

    private Catalog(List<ExerciseSpec> exercises, Map<String, Outcome> byUniqueId) {
        this.exercises = List.copyOf(exercises);
        this.byUniqueId = byUniqueId;
    }

    /** The graded exercises, in plan order. */
    public List<ExerciseSpec> exercises() {
        return exercises;
    }

    /** Looks an exercise up by name. */
    public Optional<ExerciseSpec> exercise(String name) {
        return exercises.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The graded test behind a JUnit identifier, as a (not yet decided) outcome key holder. */
    Optional<Outcome> graded(TestIdentifier id) {
        return Optional.ofNullable(byUniqueId.get(id.getUniqueId()));
    }

    /** Graded tests at or below an identifier (a class, or a test itself). */
    List<Outcome> gradedUnder(TestPlan plan, TestIdentifier id) {
        List<Outcome> found = new ArrayList<>();
        graded(id).ifPresent(found::add);
        for (TestIdentifier d : plan.getDescendants(id)) {
            graded(d).ifPresent(found::add);
        }
        return found;
    }

    /** Collects the tests of {@link Exercise} classes in a test plan. */
    public static Catalog of(TestPlan plan) {
        Map<String, String> classOfExercise = new LinkedHashMap<>();
        Map<String, Class<?>> classes = new HashMap<>();
        Map<String, List<TestSpec>> tests = new LinkedHashMap<>();
        Map<String, Outcome> byId = new HashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource source)) {
                    continue;
                }
                Class<?> testClass = source.getJavaClass();
                if (!testClass.isAnnotationPresent(Exercise.class)) {
                    continue;
                }
                String name = testClass.getSimpleName().replaceFirst("Test$", "");
                classOfExercise.putIfAbsent(name, testClass.getName());
                classes.putIfAbsent(name, testClass);
                tests.computeIfAbsent(name, k -> new ArrayList<>()).add(TestSpec.of(source.getJavaMethod()));
                byId.put(id.getUniqueId(), new Outcome(name, source.getMethodName(), false, null));
            }
        }
        List<ExerciseSpec> specs = new ArrayList<>();
        tests.forEach((name, list) -> specs.add(ExerciseSpec.of(classes.get(name), list)));
        return new Catalog(specs, byId);
    }

    /** Reads the manifest the build wrote (see {@link ManifestWriter}) from the class path. */
    public static Catalog fromManifest(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("no " + MANIFEST + " on the class path: the autograder jar is incomplete");
            }
            Map<String, Object> json = JSON.std.mapFrom(in);
            List<ExerciseSpec> specs = ((List<?>) json.get("exercises")).stream()
                    .map(e -> ExerciseSpec.fromJson((Map<?, ?>) e)).toList();
            return new Catalog(specs, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MANIFEST, e);
        }
    }

    /** The manifest's JSON text for these exercises. */
    public String toManifest() {
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
                    .asString(Map.of("exercises", exercises.stream().map(ExerciseSpec::toJson).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
