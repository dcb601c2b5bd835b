package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade of a run: every graded test of the exercises in play, with its outcome. A test
 * with no outcome (it never ran) counts as failed, so the maximum score never depends on
 * which tests ran.
 */
public final class GradeReport {
    private final List<ExerciseSpec> exercises;
    private final Map<String, Outcome> outcomes;
    private final Lang lang;

    public GradeReport(List<ExerciseSpec> exercises, Map<String, Outcome> outcomes, Lang lang) {
        this.exercises = List.copyOf(exercises);
        this.outcomes = Map.copyOf(outcomes);
        this.lang = lang;
    }

    /** The exercises graded, in order. */
    public List<ExerciseSpec> exercises() {
        return exercises;
    }

    /** The outcome of a test; a test that never ran has failed with a reason saying so. */
    public Outcome outcome(ExerciseSpec exercise, TestSpec test) {
        Outcome outcome = outcomes.get(Outcome.key(exercise.name(), test.method()));
        return outcome != null ? outcome : Outcome.failed(exercise.name(), test.method(),
                lang.pick("la prueba no llegó a ejecutarse", "the test never ran"));
    }

    /** Points earned in one exercise. */
    public int score(ExerciseSpec exercise) {
        return exercise.tests().stream().filter(t -> outcome(exercise, t).passed()).mapToInt(TestSpec::points).sum();
    }

    /** Points earned in all. */
    public int score() {
        return exercises.stream().mapToInt(this::score).sum();
    }

    /** Points possible in all. */
    public int maxScore() {
        return exercises.stream().mapToInt(ExerciseSpec::maxPoints).sum();
    }

    /** True when every test passed. */
    public boolean perfect() {
        return score() == maxScore();
    }

    /** The scoreboard printed at the end of a run: a row per exercise, then each failure. */
    public String scoreboard() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(lang.pick("Sockets 101 — marcador", "Sockets 101 — scoreboard")).append('\n');
        int width = exercises.stream().mapToInt(e -> e.name().length()).max().orElse(8) + 2;
        for (ExerciseSpec exercise : exercises) {
            int score = score(exercise);
            int max = exercise.maxPoints();
            out.append(String.format("  %s %-" + width + "s %3d/%-3d %s%n", score == max ? "✔" : "✘",
                    exercise.name(), score, max, bar(score, max)));
        }
        out.append(String.format("  %-" + (width + 2) + "s %3d/%-3d%n", lang.pick("Total", "Total"), score(), maxScore()));
        List<String> failures = failures(false);
        if (!failures.isEmpty()) {
            out.append('\n').append(lang.pick("Lo que falla:", "What fails:")).append('\n');
            failures.forEach(f -> out.append(f).append('\n'));
        }
        return out.toString();
    }

    /** The same content as the scoreboard, in Markdown (for a CI job summary). */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(lang.pick("Sockets 101 — marcador", "Sockets 101 — scoreboard")).append("\n\n");
        md.append(lang.pick("| ejercicio | puntos | máximo |\n", "| exercise | points | max |\n"));
        md.append("| --- | ---: | ---: |\n");
        for (ExerciseSpec exercise : exercises) {
            md.append("| ").append(exercise.name()).append(" | ").append(score(exercise))
                    .append(" | ").append(exercise.maxPoints()).append(" |\n");
        }
        md.append("| **Total** | **").append(score()).append("** | **").append(maxScore()).append("** |\n");
        List<String> failures = failures(true);
        if (!failures.isEmpty()) {
            md.append("\n## ").append(lang.pick("Lo que falla", "What fails")).append("\n\n");
            failures.forEach(f -> md.append(f).append('\n'));
        }
        return md.toString();
    }

    private List<String> failures(boolean markdown) {
        List<String> lines = new ArrayList<>();
        for (ExerciseSpec exercise : exercises) {
            boolean any = false;
            for (TestSpec test : exercise.tests()) {
                Outcome outcome = outcome(exercise, test);
                if (outcome.passed()) {
                    continue;
                }
                any = true;
                String head = exercise.name() + " — " + test.title(lang) + " (" + test.points() + " "
                        + lang.pick("pts", "pts") + ")";
                String reason = indent(outcome.reason(), markdown ? "  " : "      ");
                lines.add(markdown ? "- **" + head + "**\n  " + reason.strip()
                        : "  ✘ " + head + "\n      " + reason.strip());
            }
            if (any) {
                String hint = lang.pick("Pista: ", "Hint: ") + Hints.of(exercise.name(), lang);
                String lesson = lang.pick("Lección: ", "Lesson: ") + exercise.lessonLink(lang);
                lines.add(markdown ? "\n  " + hint + "\n\n  " + lesson + "\n"
                        : "      " + indent(hint, "      ") + "\n      " + lesson);
            }
        }
        return lines;
    }

    private static String indent(String text, String prefix) {
        return text.replace("\n", "\n" + prefix);
    }

    private static String bar(int score, int max) {
        int full = max == 0 ? 0 : Math.round(10f * score / max);
        return "█".repeat(full) + "░".repeat(10 - full);
    }

    /** Gradescope's {@code results.json}: score, max_score and one entry per test. */
    public String gradescopeJson(double executionSeconds, String output) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", score());
        root.put("max_score", maxScore());
        root.put("execution_time", Math.round(executionSeconds * 1000) / 1000.0);
        root.put("output", output);
        root.put("visibility", "visible");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (ExerciseSpec exercise : exercises) {
            for (TestSpec test : exercise.tests()) {
                Outcome outcome = outcome(exercise, test);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", exercise.name() + " › " + test.title(lang));
                entry.put("score", outcome.passed() ? test.points() : 0);
                entry.put("max_score", test.points());
                entry.put("status", outcome.passed() ? "passed" : "failed");
                entry.put("output", outcome.passed() ? "" : outcome.reason() + "\n\n"
                        + lang.pick("Pista: ", "Hint: ") + Hints.of(exercise.name(), lang) + "\n"
                        + lang.pick("Lección: ", "Lesson: ") + exercise.lessonLink(lang));
                entry.put("visibility", "visible");
                tests.add(entry);
            }
        }
        root.put("tests", tests);
        try {
            return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code results.json} (Gradescope) and {@code summary.md} into {@code dir}. */
    public void write(Path dir, double executionSeconds, String output) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), gradescopeJson(executionSeconds, output), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), markdown(), StandardCharsets.UTF_8);
    }
}
