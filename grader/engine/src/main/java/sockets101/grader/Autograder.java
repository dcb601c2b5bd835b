package sockets101.grader;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The autograder: {@code java -jar autograder.jar --submission DIR [--exercise NAME]...
 * [--results FILE] [--lang es|en] [--time-limit SECONDS] [--require-full] [--run-as USER]},
 * or {@code --list}.
 *
 * <p>Reads only the {@code .java} sources of DIR (see {@link SubmissionCompiler}), compiles them,
 * grades each exercise with the trusted tests built into this jar in JVMs of its own, prints
 * the scoreboard and writes Gradescope's {@code results.json}. Exits 0 once grading is done,
 * whatever the score; 1 with {@code --require-full} when the score is not full marks (the
 * scoreboard then goes to standard error, where GitHub Classroom shows it); 2, with the
 * reason, only when it could not grade.
 */
public final class Autograder {
    static final String USAGE = "usage: java -jar autograder.jar --submission DIR [--exercise NAME]... "
            + "[--results FILE] [--lang es|en] [--time-limit SECONDS] [--require-full] [--run-as USER]\n"
            + "       java -jar autograder.jar --list";

    private Autograder() {
    }

    /** The command line, checked. */
    record Options(Path submission, List<String> exercises, Path results, Lang lang, Duration timeLimit,
                   boolean requireFull, String runAs, boolean list) {
        static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

        static Options parse(String... args) {
            Path submission = null;
            List<String> exercises = new ArrayList<>();
            Path results = Path.of("results.json");
            Lang lang = null;
            Duration limit = DEFAULT_LIMIT;
            boolean requireFull = false;
            boolean list = false;
            String runAs = null;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--require-full" -> requireFull = true;
                    case "--list" -> list = true;
                    case "--submission", "--exercise", "--results", "--lang", "--time-limit", "--run-as" -> {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException("missing value after " + option);
                        }
                        String value = args[++i];
                        switch (option) {
                            case "--submission" -> submission = Path.of(value);
                            case "--exercise" -> exercises.add(value);
                            case "--results" -> results = Path.of(value);
                            case "--lang" -> lang = Lang.parse(value);
                            case "--time-limit" -> limit = Duration.ofSeconds(positive(option, value));
                            default -> runAs = value;
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (submission == null && !list) {
                throw new IllegalArgumentException("--submission DIR is required");
            }
            return new Options(submission, List.copyOf(exercises), results, lang != null ? lang : Lang.current(),
                    limit, requireFull, runAs, list);
        }

        private static long positive(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n > 0 && n <= 3600) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException(option + " takes a whole number of seconds from 1 to 3600, not '" + value + "'");
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Relaunch.needed()) {
            System.exit(Relaunch.run(args));
        }
        // UTF-8 whatever the locale: GitHub Classroom runs this with no LANG at all.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command line; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(args);
            Catalog catalog = Catalog.fromManifest(Autograder.class.getClassLoader());
            if (options.list()) {
                catalog.exercises().forEach(e -> out.println(e.name() + "\t" + e.maxPoints() + "\t" + e.tests().size()));
                return 0;
            }
            // The trusted tests run in this JVM and speak the language chosen.
            System.setProperty(Lang.PROPERTY, options.lang().code());
            GradeReport report = grade(options, catalog);
            if (options.requireFull() && !report.perfect()) {
                err.println(report.scoreboard(Integer.MAX_VALUE));
                err.println(options.lang().pick("No llega a la nota máxima: ", "Not full marks: ")
                        + report.score() + "/" + report.maxScore());
                return 1;
            }
            out.println(report.scoreboard(Integer.MAX_VALUE));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("autograder: cannot grade: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("autograder: interrupted");
            return 2;
        } catch (RuntimeException e) {
            err.println("autograder: cannot grade: " + e);
            e.printStackTrace(err);
            return 2;
        }
    }

    /** Grades a submission as the options say and writes the results file. */
    static GradeReport grade(Options options, Catalog catalog) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path dir = options.submission();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("submission folder not found: " + dir.toAbsolutePath());
        }
        List<ExerciseSpec> selected = new ArrayList<>();
        for (String name : options.exercises()) {
            ExerciseSpec spec = catalog.exercise(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown exercise '" + name + "'; known: " + catalog.exercises().stream().map(ExerciseSpec::name).toList()));
            if (!selected.contains(spec)) {
                selected.add(spec);
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(catalog.exercises());
        }
        Lang lang = options.lang();
        RunAs runAs = options.runAs() == null ? null : RunAs.of(options.runAs());
        Path results = options.results().toAbsolutePath();
        Path work = Files.createTempDirectory("autograder-");
        Sandbox sandbox = Sandbox.probe(runAs, lang);
        List<Path> privates = new ArrayList<>();
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            java.util.Set<String> priority = new java.util.HashSet<>();
            selected.forEach(e -> priority.add(e.studentSource()));
            SubmissionCompiler.Sources sources = SubmissionCompiler.read(dir.toAbsolutePath().normalize(),
                    work.resolve("src"), lang, priority);
            SubmissionCompiler.Compilation compilation = CompileMain.compile(sources, work.resolve("classes"), lang);
            readableByAll(work);
            HostCommand host = HostCommand.prepare(sandbox, work, lang);
            ExerciseRunner runner = new ExerciseRunner(trustedClassPath(), host, options.timeLimit(), lang);
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            StringBuilder output = new StringBuilder();
            sources.notes().forEach(n -> output.append("[grader] ").append(n).append('\n'));
            compilation.notes().forEach(n -> output.append("[grader] ").append(n).append('\n'));
            sandbox.notes().forEach(n -> output.append("[grader] ").append(n).append('\n'));
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
            try {
                Map<ExerciseSpec, Future<ExerciseRunner.Result>> running = new LinkedHashMap<>();
                for (ExerciseSpec exercise : selected) {
                    String missing = unavailable(exercise, sources, compilation, lang);
                    if (missing != null) {
                        exercise.tests().forEach(t -> outcomes.put(t.id(), Outcome.failed(exercise.name(), t.id(), missing)));
                    } else {
                        running.put(exercise, pool.submit(() -> runner.grade(exercise, compilation.classes(), work)));
                    }
                }
                for (Map.Entry<ExerciseSpec, Future<ExerciseRunner.Result>> entry : running.entrySet()) {
                    ExerciseRunner.Result result;
                    try {
                        result = entry.getValue().get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("grading " + entry.getKey().name() + " failed: " + e.getCause(), e.getCause());
                    }
                    outcomes.putAll(result.outcomes());
                    if (!result.output().isBlank()) {
                        output.append("== ").append(entry.getKey().name()).append(" ==\n").append(result.output().strip()).append('\n');
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            compilation.broken().forEach((file, errors) -> output.append("== javac ").append(sources.sourceRoot())
                    .append('/').append(file).append(" ==\n").append(errors).append('\n'));
            GradeReport report = new GradeReport(selected, outcomes, lang);
            // Every submission JVM has ended by now (each exercise closes its own, and with it its
            // PID namespace); where there is no namespace, end what is left of this process's tree
            // too, so that nothing the submission started can touch the results after this.
            for (ProcessHandle left : ProcessHandle.current().descendants().toList()) {
                left.destroyForcibly();
                try {
                    left.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    // gone, or a zombie whose parent will reap it: it can do nothing more
                }
            }
            Files.createDirectories(results.getParent());
            Files.writeString(results, report.gradescopeJson((System.nanoTime() - start) / 1e9,
                    Reasons.capOutput(output.toString())), StandardCharsets.UTF_8);
            return report;
        } finally {
            try (Stream<Path> runs = Files.list(work)) {
                for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                    sandbox.deletePrivate(run);
                }
            }
            Files2.deleteTree(work);
        }
    }

    /** The autograder's own class path, for the exercise class loaders. */
    private static java.net.URL[] trustedClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> {
                    try {
                        return Path.of(e).toAbsolutePath().toUri().toURL();
                    } catch (java.net.MalformedURLException ex) {
                        throw new IllegalStateException(ex);
                    }
                }).toArray(java.net.URL[]::new);
    }

    /** The compiled classes and the host's classes: readable by the graded user, writable by the grader only. */
    private static void readableByAll(Path work) throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Why an exercise cannot run at all (its class is missing or does not compile), or null. */
    static String unavailable(ExerciseSpec exercise, SubmissionCompiler.Sources sources,
                              SubmissionCompiler.Compilation compilation, Lang lang) {
        if (compilation.hasClass(exercise.studentClass())) {
            return null;
        }
        String fileName = exercise.studentSource().substring(exercise.studentSource().lastIndexOf('/') + 1);
        for (Map.Entry<String, String> broken : compilation.broken().entrySet()) {
            if (broken.getKey().equals(fileName) || broken.getKey().endsWith("/" + fileName)) {
                return lang.pick("no compila: ", "does not compile: ") + broken.getValue();
            }
        }
        for (Path file : sources.files()) {
            if (file.getFileName().toString().equals(fileName)) {
                return lang.pick(sources.sourceRoot() + "/" + file.toString().replace('\\', '/') + " no declara la clase "
                                + exercise.studentClass() + " (¿falta o sobra la línea package?)",
                        sources.sourceRoot() + "/" + file.toString().replace('\\', '/') + " does not declare class "
                                + exercise.studentClass() + " (a missing or wrong package line?)");
            }
        }
        return lang.pick("falta la clase " + exercise.studentClass() + " (src/main/java/" + exercise.studentSource() + ")",
                "missing class " + exercise.studentClass() + " (src/main/java/" + exercise.studentSource() + ")");
    }

}
