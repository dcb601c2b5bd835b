package sockets101.autograder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code results.json} against Gradescope's documented format
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/) and the course's own rules:
 * the total is the sum of the tests, and a test passed exactly when it earned its points.
 */
final class GradescopeResults {
    /** Top-level fields Gradescope documents, plus {@code max_score}, which the course's contract adds. */
    private static final Set<String> TOP = Set.of("score", "max_score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
    private static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "name_format", "number",
            "output", "output_format", "tags", "visibility", "extra_data");
    private static final Set<String> VISIBILITY = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");

    private GradescopeResults() {
    }

    /** Every way {@code results} breaks the format; empty when it is valid. */
    static List<String> problems(Map<String, Object> results) {
        List<String> problems = new ArrayList<>();
        if (results.isEmpty()) {
            return List.of("no results.json");
        }
        results.keySet().stream().filter(k -> !TOP.contains(k)).forEach(k -> problems.add("unknown field " + k));
        number(results, "score", problems, true);
        number(results, "max_score", problems, false);
        number(results, "execution_time", problems, false);
        string(results, "output", problems);
        oneOf(results, "visibility", VISIBILITY, problems);
        oneOf(results, "stdout_visibility", VISIBILITY, problems);
        oneOf(results, "output_format", FORMATS, problems);
        oneOf(results, "test_output_format", FORMATS, problems);
        if (!(results.get("tests") instanceof List<?> tests)) {
            problems.add("tests is not a list");
            return problems;
        }
        double score = 0;
        double max = 0;
        for (Object t : tests) {
            if (!(t instanceof Map<?, ?> raw)) {
                problems.add("a test is not an object: " + t);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> test = (Map<String, Object>) raw;
            String where = "test " + test.get("name") + ": ";
            test.keySet().stream().filter(k -> !TEST.contains(k)).forEach(k -> problems.add(where + "unknown field " + k));
            if (!(test.get("name") instanceof String name) || name.isBlank()) {
                problems.add(where + "no name");
            }
            number(test, "score", problems, true);
            number(test, "max_score", problems, true);
            string(test, "output", problems);
            oneOf(test, "status", Set.of("passed", "failed"), problems);
            oneOf(test, "visibility", VISIBILITY, problems);
            if (test.get("score") instanceof Number s && test.get("max_score") instanceof Number m) {
                score += s.doubleValue();
                max += m.doubleValue();
                if (s.doubleValue() < 0 || s.doubleValue() > m.doubleValue()) {
                    problems.add(where + "score " + s + " outside 0.." + m);
                }
                boolean full = s.doubleValue() == m.doubleValue();
                if ("passed".equals(test.get("status")) != full) {
                    problems.add(where + "status " + test.get("status") + " with " + s + "/" + m);
                }
                if (!full && (!(test.get("output") instanceof String out) || out.isBlank())) {
                    problems.add(where + "failed without a reason in its output");
                }
            }
        }
        if (results.get("score") instanceof Number s && s.doubleValue() != score) {
            problems.add("score " + s + " is not the sum of the tests' scores " + score);
        }
        if (results.get("max_score") instanceof Number m && m.doubleValue() != max) {
            problems.add("max_score " + m + " is not the sum of the tests' max_score " + max);
        }
        return problems;
    }

    private static void number(Map<String, Object> json, String field, List<String> problems, boolean required) {
        Object value = json.get(field);
        if (value == null ? required : !(value instanceof Number n) || n.doubleValue() < 0) {
            problems.add(field + " must be a number >= 0, not " + value);
        }
    }

    private static void string(Map<String, Object> json, String field, List<String> problems) {
        if (json.containsKey(field) && !(json.get(field) instanceof String)) {
            problems.add(field + " must be a string");
        }
    }

    private static void oneOf(Map<String, Object> json, String field, Set<String> allowed, List<String> problems) {
        if (json.containsKey(field) && !allowed.contains(String.valueOf(json.get(field)))) {
            problems.add(field + " must be one of " + allowed + ", not " + json.get(field));
        }
    }
}
