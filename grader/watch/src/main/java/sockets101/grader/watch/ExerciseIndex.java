package sockets101.grader.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exercises of an {@code exercises} folder, in course order (lesson, then {@code order}, then
 * name, as {@link sockets101.grader.Catalog} orders them), read from the test sources without compiling
 * them: every {@code NAMETest.java} annotated {@code @Exercise(lesson = …, section = …)}.
 */
public final class ExerciseIndex {
    private static final Pattern EXERCISE = Pattern.compile("@Exercise\\s*\\(([^)]*)\\)");
    private static final Pattern LESSON = Pattern.compile("lesson\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern SECTION = Pattern.compile("section\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ORDER = Pattern.compile("order\\s*=\\s*(\\d+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    /** One exercise: its name, package, lesson and section, its test source and the student's source. */
    public record Entry(String name, String pkg, String lesson, String section, Path testSource, Path studentSource) {
        /** Fully qualified name of the graded test class. */
        public String testClass() {
            return pkg + "." + name + "Test";
        }
    }

    private final List<Entry> entries;

    private ExerciseIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads the index of {@code exercisesDir} (it holds {@code src/main/java} and {@code src/test/java}). */
    public static ExerciseIndex of(Path exercisesDir) {
        Path tests = exercisesDir.resolve("src/test/java");
        Path main = exercisesDir.resolve("src/main/java");
        List<Entry> found = new ArrayList<>();
        java.util.Map<String, Integer> orders = new java.util.HashMap<>();
        try (Stream<Path> walk = Files.walk(tests)) {
            for (Path file : walk.filter(f -> f.getFileName().toString().endsWith("Test.java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher exercise = EXERCISE.matcher(source);
                Matcher pkg = PACKAGE.matcher(source);
                if (!exercise.find() || !pkg.find()) {
                    continue;
                }
                Matcher lesson = LESSON.matcher(exercise.group(1));
                Matcher section = SECTION.matcher(exercise.group(1));
                if (!lesson.find() || !section.find()) {
                    continue;
                }
                String file0 = file.getFileName().toString();
                String name = file0.substring(0, file0.length() - "Test.java".length());
                Path student = main.resolve(pkg.group(1).replace('.', '/')).resolve(name + ".java");
                found.add(new Entry(name, pkg.group(1), lesson.group(1), section.group(1), file, student));
                Matcher order = ORDER.matcher(exercise.group(1));
                orders.put(name, order.find() ? Integer.parseInt(order.group(1)) : 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests in " + tests, e);
        }
        found.sort(Comparator.comparing(Entry::lesson).thenComparingInt((Entry e) -> orders.get(e.name()))
                .thenComparing(Entry::name));
        return new ExerciseIndex(found);
    }

    /** Every exercise, in course order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The exercise named {@code name}. */
    public Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The exercise whose student source is {@code file}. */
    public Optional<Entry> bySource(Path file) {
        return entries.stream().filter(e -> e.studentSource().equals(file)).findFirst();
    }

    /** The names, in course order. */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
