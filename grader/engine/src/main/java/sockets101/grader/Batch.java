package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local batch: grades every submission folder under a directory with {@code autograder.jar},
 * a child process per submission, as many at once as the machine has cores, and writes each
 * student's {@code results.json} plus a CSV gradebook. A submission that cannot be graded (or
 * that outlives its deadline) gets a row saying why; it never stops the others.
 *
 * <p>{@code java -cp autograder.jar sockets101.grader.Batch DIR [--out DIR] [--jobs N]
 * [--exercise NAME]... [--lang es|en] [--time-limit SECONDS] [--run-as USER]}
 */
@Command(name = "sockets101.grader.Batch", mixinStandardHelpOptions = true, sortOptions = false,
        usageHelpAutoWidth = true, version = "Sockets 101 batch grader",
        description = {"Grades every folder under DIR (one per student: a checkout, or its exercises folder) with "
                + "autograder.jar, each in a process of its own, as many at once as the machine has cores.",
                "Writes OUT/STUDENT/results.json (Gradescope's format), OUT/STUDENT/autograder.log and OUT/gradebook.csv "
                        + "(student, points per exercise, total, max, error)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every submission was graded",
                "1:some could not be graded (their row in the gradebook says why); the others were",
                "2:bad options, or the autograder cannot list its exercises"})
public final class Batch implements Callable<Integer> {
    /** JVM options of each autograder: C1 and the serial GC cost a quarter less CPU for these short runs. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** Beyond its exercises' time limits, what a submission's whole run may take (compiling, starting JVMs). */
    static final int SLACK_SECONDS = 120;
    static final int DEFAULT_TIME_LIMIT = 30;

    @Parameters(paramLabel = "DIR", description = "The folder holding one folder per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grades",
            description = "Where the results and the gradebook go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Submissions graded at once (default: the machine's cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--exercise", paramLabel = "NAME", description = "Grade only this exercise (repeatable).")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "es|en", description = "Language of the feedback (default: the locale's).")
    String lang;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Limit per exercise, as the autograder's --time-limit (default: " + DEFAULT_TIME_LIMIT + ").")
    int timeLimit = DEFAULT_TIME_LIMIT;

    @Option(names = "--run-as", paramLabel = "USER",
            description = "Run the submissions' code as this user, as the autograder's --run-as (needs root).")
    String runAs;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The autograder.jar to grade with (default: the jar this command runs from).")
    Path jar;

    @Option(names = "--java", paramLabel = "FILE", description = "The java to run it with (default: this JVM's).")
    Path java;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** An exercise as {@code autograder.jar --list} names it. */
    record Listed(String name, int points) {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale, as the autograder does.
        PrintWriter out = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), true);
        System.exit(new CommandLine(new Batch()).setOut(out).setErr(err).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            check();
        } catch (IllegalArgumentException e) {
            err().println("batch: " + e.getMessage());
            return 2;
        }
        List<Listed> catalog;
        try {
            catalog = list();
        } catch (IOException e) {
            err().println("batch: " + e.getMessage());
            return 2;
        }
        List<String> columns = new ArrayList<>();
        for (Listed exercise : catalog) {
            if (exercises.isEmpty() || exercises.contains(exercise.name())) {
                columns.add(exercise.name());
            }
        }
        for (String name : exercises) {
            if (!columns.contains(name)) {
                err().println("batch: unknown exercise '" + name + "'; known: " + catalog.stream().map(Listed::name).toList());
                return 2;
            }
        }
        List<Path> students;
        try (Stream<Path> list = Files.list(submissions)) {
            students = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        Files.createDirectories(out);
        long start = System.nanoTime();
        out().printf("Grading %d submissions under %s, %d at a time%n", students.size(), submissions, jobs);
        Map<String, Gradebook.Row> rows = grade(students, columns);
        Path gradebook = out.resolve("gradebook.csv");
        Path partial = out.resolve("gradebook.csv.part");
        Files.writeString(partial, Gradebook.csv(columns, new ArrayList<>(rows.values())), StandardCharsets.UTF_8);
        Files.move(partial, gradebook, StandardCopyOption.REPLACE_EXISTING);
        long failed = rows.values().stream().filter(r -> !r.isGraded()).count();
        out().printf("Graded %d of %d submissions in %.1f s. Gradebook: %s%n", rows.size() - failed, rows.size(),
                (System.nanoTime() - start) / 1e9, gradebook);
        return failed == 0 ? 0 : 1;
    }

    private void check() {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("no such folder: " + submissions);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs takes a number from 1 up, not " + jobs);
        }
        if (timeLimit < 1 || timeLimit > 3600) {
            throw new IllegalArgumentException("--time-limit takes a whole number of seconds from 1 to 3600, not " + timeLimit);
        }
        if (lang != null) {
            Lang.parse(lang); // throws IllegalArgumentException with the reason
        }
        if (jar == null) {
            jar = ownJar();
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no autograder.jar at " + jar + " (give one with --jar FILE)");
        }
        if (java == null) {
            java = Path.of(System.getProperty("java.home"), "bin", "java");
        }
        out = out.toAbsolutePath().normalize();
        if (out.startsWith(submissions.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--out must not be inside " + submissions + ": it would be graded as a student");
        }
    }

    /** The jar holding this class, or a path that does not exist when run from a class folder. */
    private static Path ownJar() {
        try {
            return Path.of(Batch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("autograder.jar");
        }
    }

    /** The exercises, their points and order, from the trusted jar itself ({@code --list}). */
    private List<Listed> list() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--list").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(jar + " --list failed: " + text.strip());
        }
        List<Listed> listed = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new IOException(jar + " --list printed an unexpected line: " + line);
            }
            listed.add(new Listed(fields[0], Integer.parseInt(fields[1].strip())));
        }
        return listed;
    }

    /** Grades every student, {@code jobs} at a time; the rows come back in the students' order. */
    private Map<String, Gradebook.Row> grade(List<Path> students, List<String> columns) throws InterruptedException {
        Map<String, Gradebook.Row> rows = new LinkedHashMap<>();
        students.forEach(s -> rows.put(s.getFileName().toString(), null));
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            CompletionService<Gradebook.Row> done = new ExecutorCompletionService<>(pool);
            for (Path student : students) {
                done.submit(() -> gradeOne(student, columns));
            }
            for (int i = 1; i <= students.size(); i++) {
                Gradebook.Row row;
                try {
                    row = done.take().get();
                } catch (ExecutionException e) {
                    // gradeOne turns every failure into a row; this is a bug, reported without stopping the rest.
                    err().println("batch: " + e.getCause());
                    continue;
                }
                rows.put(row.student(), row);
                out().printf("[%" + width(students.size()) + "d/%d] %-24s %s%n", i, students.size(), row.student(),
                        row.isGraded() ? row.total() + "/" + row.max() : "NOT GRADED: " + row.error());
            }
        } finally {
            pool.shutdownNow();
        }
        rows.replaceAll((student, row) -> row != null ? row : Gradebook.Row.failed(student, "internal error: no result"));
        return rows;
    }

    private static int width(int n) {
        return Integer.toString(n).length();
    }

    /** Grades one submission in a child process; never throws for anything the submission does. */
    Gradebook.Row gradeOne(Path submission, List<String> columns) {
        String student = submission.getFileName().toString();
        try {
            Path dir = Files.createDirectories(out.resolve(student));
            Path results = dir.resolve("results.json");
            Path log = dir.resolve("autograder.log");
            Files.deleteIfExists(results);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(JVM_OPTIONS);
            command.addAll(List.of("-jar", jar.toString(), "--submission", submission.toString(),
                    "--results", results.toString(), "--time-limit", Integer.toString(timeLimit)));
            exercises.forEach(e -> command.addAll(List.of("--exercise", e)));
            if (lang != null) {
                command.addAll(List.of("--lang", lang));
            }
            if (runAs != null) {
                command.addAll(List.of("--run-as", runAs));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            long deadline = (long) columns.size() * timeLimit + SLACK_SECONDS;
            if (!process.waitFor(deadline, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Gradebook.Row.failed(student, "grading did not end within " + deadline + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(results)) {
                return Gradebook.Row.failed(student, "autograder exit status " + process.exitValue() + ": " + lastLine(log));
            }
            return row(student, results, columns);
        } catch (IOException | RuntimeException e) {
            return Gradebook.Row.failed(student, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Gradebook.Row.failed(student, "interrupted");
        }
    }

    /** A graded row from the autograder's results.json: points per exercise from its tests' names ("Exercise › title"). */
    @SuppressWarnings("unchecked")
    static Gradebook.Row row(String student, Path results, List<String> columns) throws IOException {
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(results, StandardCharsets.UTF_8));
        Map<String, Integer> points = new LinkedHashMap<>();
        columns.forEach(c -> points.put(c, 0));
        for (Object t : (List<Object>) json.get("tests")) {
            Map<String, Object> test = (Map<String, Object>) t;
            String exercise = ((String) test.get("name")).split(" › ", 2)[0];
            if (points.containsKey(exercise)) {
                points.merge(exercise, ((Number) test.get("score")).intValue(), Integer::sum);
            }
        }
        return Gradebook.Row.graded(student, points, ((Number) json.get("score")).intValue(),
                ((Number) json.get("max_score")).intValue());
    }

    /** The last non-blank line of a log (the autograder says there why it could not grade), shortened. */
    private static String lastLine(Path log) throws IOException {
        // Decoded leniently: the log holds whatever the graded code printed.
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "(no output)" : lines.stream()
                .filter(l -> l.startsWith("autograder:")).findFirst().orElse(lines.get(lines.size() - 1)).strip();
        return last.length() > 300 ? last.substring(0, 300) + "…" : last;
    }
}
