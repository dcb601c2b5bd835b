package sockets101.grader;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradescope's page for a submission, in Markdown: rewrites the top-level {@code output} of the
 * autograder's {@code results.json} into a table of points per exercise, followed by the
 * compiler's and the grader's notes in a code block, and sets {@code output_format} to
 * {@code md}. The tests, their points and their {@code status} are left as they are.
 *
 * <p>{@code java -cp autograder.jar sockets101.grader.GradescopeOutput RESULTS_JSON [es|en]}; run by
 * Gradescope's {@code run_autograder} after grading. It reads only the trusted results file.
 */
public final class GradescopeOutput {
    private GradescopeOutput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -cp autograder.jar sockets101.grader.GradescopeOutput RESULTS_JSON [es|en]");
            System.exit(2);
        }
        Lang lang = args.length == 2 && !args[1].isBlank() ? Lang.parse(args[1]) : Lang.current();
        Path results = Path.of(args[0]);
        Map<String, Object> json = JSON.std.mapFrom(Files.readString(results, StandardCharsets.UTF_8));
        Path rewritten = results.resolveSibling(results.getFileName() + ".md.tmp");
        Files.writeString(rewritten, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(rewrite(json, lang)),
                StandardCharsets.UTF_8);
        Files.move(rewritten, results, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The same results with the top-level output in Markdown. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> rewrite(Map<String, Object> results, Lang lang) {
        Map<String, int[]> exercises = new LinkedHashMap<>(); // in the results' (course) order
        for (Object t : (List<Object>) results.getOrDefault("tests", List.of())) {
            Map<String, Object> test = (Map<String, Object>) t;
            int[] row = exercises.computeIfAbsent(((String) test.get("name")).split(" › ", 2)[0], k -> new int[2]);
            row[0] += ((Number) test.get("score")).intValue();
            row[1] += ((Number) test.get("max_score")).intValue();
        }
        StringBuilder md = new StringBuilder();
        md.append(lang.pick("| | Ejercicio | Puntos | Máximo |\n", "| | Exercise | Points | Max |\n"))
                .append("|---|---|---:|---:|\n");
        int score = 0;
        int max = 0;
        for (Map.Entry<String, int[]> e : exercises.entrySet()) {
            int[] row = e.getValue();
            md.append("| ").append(row[0] == row[1] ? "✔" : "✘").append(" | ").append(e.getKey()).append(" | ")
                    .append(row[0]).append(" | ").append(row[1]).append(" |\n");
            score += row[0];
            max += row[1];
        }
        md.append("| | **Total** | **").append(score).append("** | **").append(max).append("** |\n");
        String notes = String.valueOf(results.getOrDefault("output", "")).strip();
        if (!notes.isEmpty()) {
            String fence = fence(notes);
            md.append("\n**").append(lang.pick("Notas del compilador y del corrector", "Compiler and grader notes"))
                    .append("**\n\n").append(fence).append("text\n").append(notes).append('\n').append(fence).append('\n');
        }
        Map<String, Object> rewritten = new LinkedHashMap<>(results);
        rewritten.put("output", md.toString());
        rewritten.put("output_format", "md");
        return rewritten;
    }

    /** A backtick fence longer than any run of backticks in the text, so that the text cannot close it. */
    static String fence(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
