package sockets101.autograder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Classroom 50 {@code result.json} against every rule of the {@code classroom50/result/v1}
 * contract as the runner and the score collector apply it (see ../shared/FACTS.md, "Classes at
 * scale"), given the runner's environment; plus the course's own: a row passed exactly when it
 * earned its points, and the total is the sum of the rows.
 */
final class Classroom50Results {
    /** The fields an autograder writes; the runner stamps owner, assignment_type and the dates itself. */
    static final Set<String> FIELDS = Set.of("schema", "classroom", "assignment", "submission", "commit", "release",
            "review", "score", "max-score", "tests");

    private Classroom50Results() {
    }

    /** Every rule {@code result} breaks; empty when it is valid. */
    static List<String> problems(Map<String, Object> result, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String key : result.keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add("extra top-level field " + key);
            }
        }
        for (String key : FIELDS) {
            if (!result.containsKey(key)) {
                problems.add("missing field " + key);
            }
        }
        expect(result, "schema", "classroom50/result/v1", problems);
        expect(result, "classroom", env.get("CLASSROOM"), problems);
        expect(result, "assignment", env.get("ASSIGNMENT"), problems);
        if (!(result.get("submission") instanceof String submission) || !submission.startsWith("submit/")) {
            problems.add("submission is not a submit/* string: " + result.get("submission"));
        }
        expect(result, "submission", env.get("SUBMISSION_TAG"), problems);
        expect(result, "commit", env.get("COMMIT_URL"), problems);
        expect(result, "release", env.get("RELEASE_URL"), problems);
        expect(result, "review", env.get("REVIEW_URL"), problems);
        Integer score = integer(result, "score", "", problems);
        Integer max = integer(result, "max-score", "", problems);
        if (score != null && max != null && score > max) {
            problems.add("score " + score + " > max-score " + max);
        }
        if (!(result.get("tests") instanceof List<?> tests)) {
            problems.add("tests is not a list");
            return problems;
        }
        int sum = 0;
        int sumMax = 0;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            String where = "tests[" + i + "].";
            if (!(tests.get(i) instanceof Map<?, ?> raw)) {
                problems.add(where + " is not an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> test = (Map<String, Object>) raw;
            if (!(test.get("test-name") instanceof String name) || name.isEmpty()) {
                problems.add(where + "test-name is not a non-empty string");
            } else if (!names.add(name)) {
                problems.add(where + "test-name " + name + " repeats");
            }
            Boolean passed = test.get("passed") instanceof Boolean b ? b : null;
            if (passed == null) {
                problems.add(where + "passed is not a boolean");
            }
            Integer s = integer(test, "score", where, problems);
            Integer m = integer(test, "max-score", where, problems);
            if (s != null && m != null) {
                if (s > m) {
                    problems.add(where + "score " + s + " > max-score " + m);
                }
                if (passed != null && passed != (s.intValue() == m.intValue())) {
                    problems.add(where + "passed is " + passed + " with " + s + "/" + m);
                }
                sum += s;
                sumMax += m;
            }
        }
        if (score != null && score != sum) {
            problems.add("score " + score + " is not the sum of the rows' " + sum);
        }
        if (max != null && max != sumMax) {
            problems.add("max-score " + max + " is not the sum of the rows' " + sumMax);
        }
        return problems;
    }

    private static void expect(Map<String, Object> result, String field, String expected, List<String> problems) {
        Object value = result.get(field);
        if (!(value instanceof String text) || text.isEmpty()) {
            problems.add(field + " is not a non-empty string: " + value);
        } else if (!text.equals(expected)) {
            problems.add(field + " is " + text + ", the runner said " + expected);
        }
    }

    /** A JSON integer (not a boolean, not a number with a fraction), not negative. */
    private static Integer integer(Map<String, Object> map, String field, String where, List<String> problems) {
        Object value = map.get(field);
        if (value instanceof Integer || value instanceof Long) {
            int n = ((Number) value).intValue();
            if (n < 0) {
                problems.add(where + field + " is negative: " + n);
            }
            return n;
        }
        problems.add(where + field + " is not an integer: " + value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
        return null;
    }
}
