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
    /** The files {@link #write} leaves in its folder. */
    public static final List<String> FILES = List.of("results.json", "summary.md", "scoreboard.txt");

    private final List<ExerciseSpec> exercises;
    private final Map<String, Outcome> outcomes;
    private final Lang lang;
    private final LessonLinks links;

    /** A report whose lesson links are found from the environment ({@link LessonLinks#fromEnvironment()}). */
    public GradeReport(List<ExerciseSpec> exercises, Map<String, Outcome> outcomes, Lang lang) {
        this(exercises, outcomes, lang, LessonLinks.fromEnvironment());
    }

    /** A report whose lesson links come from {@code links}. */
    public GradeReport(List<ExerciseSpec> exercises, Map<String, Outcome> outcomes, Lang lang, LessonLinks links) {
        this.exercises = List.copyOf(exercises);
        this.outcomes = Map.copyOf(outcomes);
        this.lang = lang;
        this.links = links;
    }

    /** Where the lesson of an exercise is: a page that exists, a URL, or only its name. */
    public String lessonLink(ExerciseSpec exercise) {
        return links.link(exercise, lang);
    }

    /** The exercises graded, in order. */
    public List<ExerciseSpec> exercises() {
        return exercises;
    }

    /** The outcome of a test; a test that never ran has failed with a reason saying so. */
    public Outcome outcome(ExerciseSpec exercise, TestSpec test) {
        Outcome outcome = outcomes.get(test.id());
        return outcome != null && outcome.exercise().equals(exercise.name()) ? outcome
                : Outcome.failed(exercise.name(), test.id(), lang.pick("la prueba no llegó a ejecutarse", "the test never ran"));
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

    /**
     * The scoreboard printed at the end of a run: a row per exercise, then what fails in the
     * first {@code detailed} exercises without full marks, each failure's reason first.
     */
    public String scoreboard(int detailed) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append(title()).append('\n');
        int width = Math.max(5, exercises.stream().mapToInt(e -> e.name().length()).max().orElse(5));
        for (ExerciseSpec exercise : exercises) {
            int score = score(exercise);
            int max = exercise.maxPoints();
            out.append(String.format("  %s %-" + width + "s %3d/%-3d %s%n", score == max ? "✔" : "✘",
                    exercise.name(), score, max, bar(score, max)));
        }
        out.append(String.format("    %-" + width + "s %3d/%-3d%n", "Total", score(), maxScore()));
        List<ExerciseSpec> unfinished = exercises.stream().filter(e -> score(e) < e.maxPoints()).toList();
        if (unfinished.isEmpty()) {
            out.append('\n').append(lang.pick("✔ Todo correcto: ", "✔ All passed: "))
                    .append(score()).append('/').append(maxScore()).append('\n');
            return out.toString();
        }
        for (ExerciseSpec exercise : unfinished.subList(0, Math.min(detailed, unfinished.size()))) {
            out.append('\n').append("✘ ").append(exercise.name()).append(lang.pick(": lo que falla", ": what fails")).append('\n');
            for (TestSpec test : exercise.tests()) {
                Outcome outcome = outcome(exercise, test);
                if (!outcome.passed()) {
                    out.append("  ✘ ").append(test.title(lang)).append(" (").append(points(test.points())).append(")\n");
                    out.append(indent(outcome.reason(), "      ")).append('\n');
                }
            }
            String hint = lang.pick("Pista: ", "Hint: ");
            out.append(indent(hint + Hints.of(exercise.name(), lang), "  ", " ".repeat(2 + hint.length()))).append('\n');
            out.append("  ").append(lang.pick("Lección: ", "Lesson: ")).append(lessonLink(exercise)).append('\n');
        }
        if (unfinished.size() > detailed) {
            List<String> rest = unfinished.subList(detailed, unfinished.size()).stream().map(ExerciseSpec::name).toList();
            out.append('\n').append(lang.pick(
                    "Sin nota máxima también: " + String.join(", ", rest) + ". Uno solo: -Dexercise=" + rest.get(0)
                            + "; todos los fallos en target/grade/summary.md.",
                    "Also without full marks: " + String.join(", ", rest) + ". One alone: -Dexercise=" + rest.get(0)
                            + "; every failure is in target/grade/summary.md.")).append('\n');
        }
        return out.toString();
    }

    /** The same content as the scoreboard, every failure included, in Markdown (a CI job summary). */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title()).append("\n\n");
        md.append(lang.pick("| | ejercicio | puntos | máximo |\n", "| | exercise | points | max |\n"));
        md.append("| --- | --- | ---: | ---: |\n");
        for (ExerciseSpec exercise : exercises) {
            md.append("| ").append(score(exercise) == exercise.maxPoints() ? "✔" : "✘").append(" | ")
                    .append(exercise.name()).append(" | ").append(score(exercise)).append(" | ")
                    .append(exercise.maxPoints()).append(" |\n");
        }
        md.append("| | **Total** | **").append(score()).append("** | **").append(maxScore()).append("** |\n");
        for (ExerciseSpec exercise : exercises) {
            if (score(exercise) == exercise.maxPoints()) {
                continue;
            }
            md.append("\n## ✘ ").append(exercise.name()).append(" — ").append(score(exercise)).append('/')
                    .append(exercise.maxPoints()).append("\n");
            for (TestSpec test : exercise.tests()) {
                Outcome outcome = outcome(exercise, test);
                if (!outcome.passed()) {
                    md.append("\n### ✘ ").append(test.title(lang)).append(" (").append(points(test.points())).append(")\n\n")
                            .append("````text\n").append(outcome.reason()).append("\n````\n");
                }
            }
            md.append("\n**").append(lang.pick("Pista", "Hint")).append(":** ").append(Hints.of(exercise.name(), lang))
                    .append("\n\n**").append(lang.pick("Lección", "Lesson")).append(":** ").append(lessonLink(exercise))
                    .append('\n');
        }
        return md.toString();
    }

    private String title() {
        return lang.pick("Sockets 101 — marcador", "Sockets 101 — scoreboard");
    }

    private String points(int n) {
        return n + " " + (n == 1 ? lang.pick("punto", "point") : lang.pick("puntos", "points"));
    }

    private static String indent(String text, String prefix) {
        return indent(text, prefix, prefix);
    }

    private static String indent(String text, String first, String rest) {
        return first + String.join("\n" + rest, text.strip().lines().toList());
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
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
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
                        + lang.pick("Lección: ", "Lesson: ") + lessonLink(exercise));
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

    /** Writes {@code results.json} (Gradescope), {@code summary.md} and {@code scoreboard.txt} into {@code dir}. */
    public void write(Path dir, double executionSeconds, String output) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), gradescopeJson(executionSeconds, output), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("scoreboard.txt"), scoreboard(1), StandardCharsets.UTF_8);
    }
}
