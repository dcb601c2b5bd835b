package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.platform.engine.support.descriptor.ClassSource;
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
 *
 * <p>A graded test is a method-level node of the plan (its parent is a class) inside a class
 * annotated {@link Exercise}, or nested in one: plain tests, and the containers of
 * parameterized, repeated and factory tests, whose invocations only appear while running.
 */
public final class Catalog {
    /** Where the build puts the manifest of the trusted tests, on the autograder's class path. */
    public static final String MANIFEST = "sockets101/grader/manifest.json";

    /** A graded node of a plan: the exercise it belongs to and its unique id. */
    record Node(String exercise, String id) {
    }

    private final List<ExerciseSpec> exercises;
    private final Map<String, Node> byUniqueId;

    private Catalog(List<ExerciseSpec> exercises, Map<String, Node> byUniqueId) {
        this.exercises = List.copyOf(exercises);
        this.byUniqueId = byUniqueId;
    }

    /** The graded exercises, in course order: by lesson, then by name. */
    public List<ExerciseSpec> exercises() {
        return exercises;
    }

    /** Looks an exercise up by name. */
    public Optional<ExerciseSpec> exercise(String name) {
        return exercises.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The graded test this identifier is, if it is one. */
    Optional<Node> graded(TestIdentifier id) {
        return Optional.ofNullable(byUniqueId.get(id.getUniqueId()));
    }

    /** The graded test this identifier is or belongs to (an invocation of a parameterized test, say). */
    Optional<Node> gradedAncestor(TestPlan plan, TestIdentifier id) {
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
            Node node = byUniqueId.get(at.get().getUniqueId());
            if (node != null) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** Graded tests at or below an identifier (a class, or a test itself). */
    List<Node> gradedUnder(TestPlan plan, TestIdentifier id) {
        List<Node> found = new ArrayList<>();
        graded(id).ifPresent(found::add);
        for (TestIdentifier d : plan.getDescendants(id)) {
            graded(d).ifPresent(found::add);
        }
        return found;
    }

    /** Collects the graded tests of {@link Exercise} classes in a test plan. */
    public static Catalog of(TestPlan plan) {
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        Map<String, List<TestSpec>> tests = new LinkedHashMap<>();
        Map<String, Node> byId = new HashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (!(id.getSource().orElse(null) instanceof MethodSource source)
                        || !(plan.getParent(id).flatMap(TestIdentifier::getSource).orElse(null) instanceof ClassSource)) {
                    continue;
                }
                Class<?> declaring = source.getJavaClass();
                Class<?> exerciseClass = exerciseClassOf(declaring);
                if (exerciseClass == null) {
                    continue;
                }
                String name = ExerciseSpec.nameOf(exerciseClass);
                Class<?> previous = classes.putIfAbsent(name, exerciseClass);
                if (previous != null && previous != exerciseClass) {
                    throw new IllegalStateException("two @Exercise classes grade " + name + ": "
                            + previous.getName() + " and " + exerciseClass.getName());
                }
                String method = nestedPrefix(declaring, exerciseClass) + source.getMethodName();
                tests.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(TestSpec.of(id.getUniqueId(), method, source.getJavaMethod()));
                byId.put(id.getUniqueId(), new Node(name, id.getUniqueId()));
            }
        }
        List<ExerciseSpec> specs = new ArrayList<>();
        tests.forEach((name, list) -> specs.add(ExerciseSpec.of(classes.get(name), list)));
        // Course order (lesson, then the handout's table order), not class-discovery order, which the
        // file system decides.
        specs.sort(java.util.Comparator.comparing(ExerciseSpec::lesson)
                .thenComparingInt((ExerciseSpec s) -> classes.get(s.name()).getAnnotation(Exercise.class).order())
                .thenComparing(ExerciseSpec::name));
        return new Catalog(specs, byId);
    }

    /** The outermost class annotated {@link Exercise} that is or encloses {@code type}, or null. */
    private static Class<?> exerciseClassOf(Class<?> type) {
        Class<?> found = null;
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(Exercise.class)) {
                found = c;
            }
        }
        return found;
    }

    /** {@code Inner.} for a method of a {@code @Nested} class, so names stay distinct. */
    private static String nestedPrefix(Class<?> declaring, Class<?> exerciseClass) {
        StringBuilder prefix = new StringBuilder();
        for (Class<?> c = declaring; c != null && c != exerciseClass; c = c.getEnclosingClass()) {
            prefix.insert(0, c.getSimpleName() + ".");
        }
        return prefix.toString();
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
