package sockets101.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The autograder:
 * {@code java -jar autograder.jar --submission DIR [--exercise NAME]... [--results FILE] [--lang es|en]
 * [--time-limit SECONDS]}.
 *
 * <p>Reads only {@code src/main/java/**}{@code /*.java} of DIR, compiles it, grades each exercise
 * with the trusted tests built into this jar in a JVM of its own, prints the scoreboard and
 * writes Gradescope's {@code results.json}. Exits 0 once grading is done, whatever the score;
 * 2 (with the reason) only when it could not grade.
 */
public final class Autograder {
    private Autograder() {
    }

    /** The command line, checked. */
    record Options(Path submission, List<String> exercises, Path results, Lang lang, Duration timeLimit) {
        static Options parse(String[] args) {
            Path submission = null;
            List<String> exercises = new ArrayList<>();
            Path results = Path.of("results.json");
            Lang lang = Lang.current();
            Duration limit = Duration.ofSeconds(30);
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + option);
                }
                String value = args[++i];
                switch (option) {
                    case "--submission" -> submission = Path.of(value);
                    case "--exercise" -> exercises.add(value);
                    case "--results" -> results = Path.of(value);
                    case "--lang" -> lang = Lang.parse(value);
                    case "--time-limit" -> limit = Duration.ofSeconds(positive(option, value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (submission == null) {
                throw new IllegalArgumentException("--submission DIR is required");
            }
            return new Options(submission, exercises, results, lang, limit);
        }

        private static long positive(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(option + " takes a whole number of seconds above 0, not '" + value + "'");
        }
    }

    public static void main(String[] args) {
        try {
            GradeReport report = grade(Options.parse(args));
            System.out.println(report.scoreboard());
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("autograder: cannot grade: " + e.getMessage());
            System.err.println("usage: java -jar autograder.jar --submission DIR [--exercise NAME]... "
                    + "[--results FILE] [--lang es|en] [--time-limit SECONDS]");
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
        }
        System.exit(0);
    }

    /** Grades a submission as the options say and writes the results file. */
    static GradeReport grade(Options options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = options.submission();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("submission folder not found: " + dir.toAbsolutePath());
        }
        Path sources = Files.isDirectory(dir.resolve("src/main/java")) ? dir.resolve("src/main/java") : dir;
        Catalog catalog = Catalog.fromManifest(Autograder.class.getClassLoader());
        List<ExerciseSpec> selected = new ArrayList<>();
        for (String name : options.exercises()) {
            selected.add(catalog.exercise(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown exercise '" + name + "'; known: " + catalog.exercises().stream().map(ExerciseSpec::name).toList())));
        }
        if (selected.isEmpty()) {
            selected.addAll(catalog.exercises());
        }
        Lang lang = options.lang();
        Path work = Files.createTempDirectory("autograder-");
        try {
            SubmissionCompiler.Compilation compilation = SubmissionCompiler.compile(sources, work.resolve("classes"));
            GradedJvm jvm = new GradedJvm(System.getProperty("java.class.path"), options.timeLimit(), lang);
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            StringBuilder output = new StringBuilder();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
            try {
                Map<ExerciseSpec, Future<GradedJvm.Result>> running = new LinkedHashMap<>();
                for (ExerciseSpec exercise : selected) {
                    String missing = unavailable(exercise, sources, compilation, lang);
                    if (missing != null) {
                        exercise.tests().forEach(t -> outcomes.put(Outcome.key(exercise.name(), t.method()),
                                Outcome.failed(exercise.name(), t.method(), missing)));
                    } else {
                        running.put(exercise, pool.submit(() -> jvm.grade(exercise, compilation.classes(), work)));
                    }
                }
                for (Map.Entry<ExerciseSpec, Future<GradedJvm.Result>> entry : running.entrySet()) {
                    GradedJvm.Result result;
                    try {
                        result = entry.getValue().get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("grading " + entry.getKey().name() + " failed: " + e.getCause(), e.getCause());
                    }
                    outcomes.putAll(result.outcomes());
                    if (!result.output().isBlank()) {
                        output.append("== ").append(entry.getKey().name()).append(" ==\n").append(result.output()).append('\n');
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            compilation.broken().forEach((file, errors) -> output.append("== javac ").append(file).append(" ==\n")
                    .append(errors).append('\n'));
            GradeReport report = new GradeReport(selected, outcomes, lang);
            Path results = options.results().toAbsolutePath();
            Files.createDirectories(results.getParent());
            Files.writeString(results, report.gradescopeJson((System.nanoTime() - start) / 1e9,
                    Reasons.capOutput(output.toString())), StandardCharsets.UTF_8);
            return report;
        } finally {
            delete(work);
        }
    }

    /** Why an exercise cannot run at all (its file is missing or does not compile), or null. */
    private static String unavailable(ExerciseSpec exercise, Path sources, SubmissionCompiler.Compilation compilation, Lang lang) {
        String file = exercise.studentSource();
        if (!Files.isRegularFile(sources.resolve(file))) {
            return lang.pick("falta el archivo src/main/java/" + file, "missing file src/main/java/" + file);
        }
        String errors = compilation.broken().get(file);
        if (errors != null) {
            return lang.pick("no compila:\n", "does not compile:\n") + errors;
        }
        return null;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
