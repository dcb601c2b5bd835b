package sockets101.autograder;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One run of the built {@code autograder.jar} as a grader would run it, and what it left. */
record AutograderRun(int exitCode, String stdout, Map<String, Object> results) {
    static final Path JAR = Path.of(System.getProperty("autograder.jar", "target/autograder.jar"));
    static final Path ROOT = Path.of(System.getProperty("course.root", "../.."));

    /** Runs {@code java -jar autograder.jar ARGS --results <temp file>} with a generous deadline. */
    static AutograderRun of(Path workDir, String... args) throws IOException, InterruptedException {
        Path results = workDir.resolve("results.json");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--results", results.toString()));
        Path out = workDir.resolve("stdout.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the autograder did not finish within 3 minutes: " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        Map<String, Object> json = Files.exists(results) ? JSON.std.mapFrom(Files.readString(results)) : Map.of();
        return new AutograderRun(process.exitValue(), stdout, json);
    }

    int score() {
        return ((Number) results.get("score")).intValue();
    }

    int maxScore() {
        return ((Number) results.get("max_score")).intValue();
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
}
