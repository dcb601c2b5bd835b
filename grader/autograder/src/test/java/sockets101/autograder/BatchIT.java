package sockets101.autograder;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local batch ({@code java -cp autograder.jar sockets101.grader.Batch}) on 20 submissions of
 * six kinds (solved, stubs, a known mistake, code that does not compile, an empty folder, and one
 * endless loop), graded on two exercises (the point is the plumbing): every one is graded, and the CSV
 * gradebook says exactly what each student's results.json says.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@DisabledOnOs(OS.WINDOWS)
class BatchIT {
    private static final List<String> EXERCISES = List.of("Bind", "Send");

    /** A kind of submission: how to lay it out, and the points it must get in Bind and Send (-1: fewer than full). */
    private record Kind(String name, int bind, int send) {
    }

    private static void layOut(Kind kind, Path dir) throws IOException {
        Path fixtures = AutograderRun.FIXTURES;
        switch (kind.name()) {
            // A whole checkout, as a clone of the student's repository gives it.
            case "solved" -> KnownMistakes.copyTree(KnownMistakes.SOLUTION_SOURCES, dir.resolve("exercises/src/main/java"));
            case "stubs" -> KnownMistakes.copyTree(AutograderRun.ROOT.resolve("exercises/src/main/java"), dir.resolve("src/main/java"));
            case "mistake" -> {
                KnownMistakes.copyTree(KnownMistakes.SOLUTION_SOURCES, dir.resolve("src/main/java"));
                KnownMistakes.overlay(KnownMistakes.first("Bind"), dir.resolve("src/main/java"));
            }
            case "broken" -> KnownMistakes.copyTree(fixtures.resolve("broken-bind"), dir);
            case "looping" -> KnownMistakes.copyTree(fixtures.resolve("endless-loop"), dir);
            case "empty" -> Files.createDirectories(dir);
            default -> throw new AssertionError(kind);
        }
    }

    @Test
    void gradesTwentyMixedSubmissionsAndItsGradebookMatchesTheirResults(@TempDir Path work) throws Exception {
        int bind = AutograderRun.points("Bind");
        int send = AutograderRun.points("Send");
        List<Kind> kinds = List.of(new Kind("solved", bind, send), new Kind("stubs", 0, 0), new Kind("mistake", -1, send),
                new Kind("broken", 0, 0), new Kind("empty", 0, 0));
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        Map<String, Kind> students = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            // One folder name as a course platform exports it: a comma, a space, an accent.
            String student = i == 20 ? "García, Ana" : String.format("student-%02d", i);
            // One submission loops for ever: it costs its exercise's time limit, and no one else anything.
            Kind kind = i == 7 ? new Kind("looping", 0, 0) : kinds.get(i % kinds.size());
            layOut(kind, submissions.resolve(student));
            students.put(student, kind);
        }
        Path grades = work.resolve("grades");
        List<String> command = new ArrayList<>(List.of(AutograderRun.JAVA, "-cp", AutograderRun.JAR.toString(),
                "sockets101.grader.Batch", submissions.toString(), "--out", grades.toString(), "--lang", "en",
                "--time-limit", "20"));
        EXERCISES.forEach(e -> command.addAll(List.of("--exercise", e)));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("batch.log").toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the batch finishes").isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        String log = Files.readString(work.resolve("batch.log"), StandardCharsets.UTF_8);
        System.out.printf("[batch] 20 submissions, %s, %d cores: exit %d in %.1f s%n", EXERCISES,
                Runtime.getRuntime().availableProcessors(), process.exitValue(), seconds);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("Graded 20 of 20 submissions");

        List<List<String>> csv = parseCsv(Files.readString(grades.resolve("gradebook.csv"), StandardCharsets.UTF_8));
        assertThat(csv.get(0)).containsExactly("student", "Bind", "Send", "total", "max", "error");
        assertThat(csv).hasSize(21);
        Map<String, List<String>> rows = new HashMap<>();
        csv.subList(1, csv.size()).forEach(r -> rows.put(r.get(0), r));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(students.keySet());

        for (Map.Entry<String, Kind> entry : students.entrySet()) {
            String student = entry.getKey();
            Kind kind = entry.getValue();
            Path results = grades.resolve(student).resolve("results.json");
            assertThat(results).as(student + "'s results.json").isRegularFile();
            Map<String, Object> json = JSON.std.mapFrom(Files.readString(results, StandardCharsets.UTF_8));
            assertThat(GradescopeResults.problems(json)).as(student).isEmpty();
            Map<String, Integer> byExercise = new HashMap<>();
            for (Object t : (List<?>) json.get("tests")) {
                Map<?, ?> test = (Map<?, ?>) t;
                byExercise.merge(((String) test.get("name")).split(" › ")[0], ((Number) test.get("score")).intValue(), Integer::sum);
            }
            List<String> row = rows.get(student);
            String why = student + " (" + kind.name() + "): " + row + " vs " + json;
            assertThat(row).as(why).containsExactly(student, String.valueOf(byExercise.get("Bind")),
                    String.valueOf(byExercise.get("Send")), String.valueOf(((Number) json.get("score")).intValue()),
                    String.valueOf(((Number) json.get("max_score")).intValue()), "");
            assertThat(((Number) json.get("max_score")).intValue()).isEqualTo(bind + send);
            if (kind.bind() < 0) {
                assertThat(byExercise.get("Bind")).as(why).isLessThan(bind);
            } else {
                assertThat(byExercise.get("Bind")).as(why).isEqualTo(kind.bind());
            }
            assertThat(byExercise.get("Send")).as(why).isEqualTo(kind.send());
        }
    }

    /** RFC 4180: fields split by commas, quoted fields may hold commas, quotes (doubled) and line ends. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the file ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }
}
