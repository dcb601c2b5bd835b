package sockets101.autograder;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/** One run of the built {@code autograder.jar} as a grader would run it, and what it left. */
record AutograderRun(int exitCode, String stdout, String stderr, Map<String, Object> results, double seconds) {
    static final Path JAR = Path.of(System.getProperty("autograder.jar", "target/autograder.jar"));
    static final Path ZIP = Path.of(System.getProperty("autograder.zip", "target/autograder.zip"));
    static final Path ROOT = Path.of(System.getProperty("course.root", "../.."));
    static final Path FIXTURES = ROOT.resolve("grader/autograder/src/test/fixtures");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** A started run. */
    record Pending(Process process, Path workDir, Path results, long start, List<String> command) {
        AutograderRun finish() throws IOException, InterruptedException {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("the autograder did not finish within 3 minutes: " + command);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String stdout = Files.readString(workDir.resolve("stdout.txt"), StandardCharsets.UTF_8);
            String stderr = Files.readString(workDir.resolve("stderr.txt"), StandardCharsets.UTF_8);
            Map<String, Object> json = Files.exists(results) ? JSON.std.mapFrom(Files.readString(results)) : Map.of();
            return new AutograderRun(process.exitValue(), stdout, stderr, json, seconds);
        }
    }

    /** Starts {@code java -jar autograder.jar ARGS --results <work>/results.json}. */
    static Pending start(Path workDir, String... args) throws IOException {
        Path results = workDir.resolve("results.json");
        // As the Gradescope and Classroom scripts run it: C1 and the serial GC cost a quarter less CPU.
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--results", results.toString()));
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(workDir.resolve("stdout.txt").toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile());
        // No locale, as on CI runners (GitHub Actions, Classroom 50): file names must still read as UTF-8.
        builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        Process process = builder.start();
        return new Pending(process, workDir, results, start, command);
    }

    /** Runs the autograder and waits for it. */
    static AutograderRun of(Path workDir, String... args) throws IOException, InterruptedException {
        return start(workDir, args).finish();
    }

    /** The manifest built into the jar: exercise name to its tests ({@code id, method, points, es, en}). */
    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> manifest() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile()); InputStream in = jar.getInputStream(jar.getEntry("sockets101/grader/manifest.json"))) {
            Map<String, List<Map<String, Object>>> exercises = new LinkedHashMap<>(); // the manifest's (course) order
            for (Object e : (List<Object>) JSON.std.mapFrom(in).get("exercises")) {
                Map<String, Object> exercise = (Map<String, Object>) e;
                exercises.put((String) exercise.get("name"), (List<Map<String, Object>>) exercise.get("tests"));
            }
            return exercises;
        }
    }

    /** Points of an exercise, from the manifest. */
    static int points(String exercise) throws IOException {
        return manifest().get(exercise).stream().mapToInt(t -> ((Number) t.get("points")).intValue()).sum();
    }

    int score() {
        return ((Number) results.get("score")).intValue();
    }

    int maxScore() {
        return ((Number) results.get("max_score")).intValue();
    }

    String output() {
        return (String) results.get("output");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tests() {
        return (List<Map<String, Object>>) results.get("tests");
    }

    /** Points earned / possible per exercise, from the test names ({@code Exercise › title}). */
    Map<String, int[]> byExercise() {
        Map<String, int[]> rows = new TreeMap<>();
        for (Map<String, Object> test : tests()) {
            String exercise = ((String) test.get("name")).split(" › ")[0];
            int[] row = rows.computeIfAbsent(exercise, k -> new int[2]);
            row[0] += ((Number) test.get("score")).intValue();
            row[1] += ((Number) test.get("max_score")).intValue();
        }
        return rows;
    }

    /** The test entries whose name starts with {@code exercise}. */
    List<Map<String, Object>> testsOf(String exercise) {
        return tests().stream().filter(t -> ((String) t.get("name")).startsWith(exercise + " › ")).toList();
    }

    /** The entry of one test, found by its English title in the manifest (run with {@code --lang en}). */
    Map<String, Object> test(String exercise, String method) throws IOException {
        String title = manifest().get(exercise).stream().filter(t -> method.equals(t.get("method"))).findFirst()
                .map(t -> (String) t.get("en")).orElseThrow(() -> new AssertionError("no test " + exercise + "#" + method));
        return tests().stream().filter(t -> (exercise + " › " + title).equals(t.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + exercise + " › " + title + " in " + tests()));
    }

    /** Everything a reader of the run would look at, for assertion messages. */
    String describe() {
        return "exit " + exitCode + " after " + String.format("%.1f", seconds) + " s\nstdout:\n" + stdout
                + "\nstderr:\n" + stderr + "\nresults: " + results;
    }
}
