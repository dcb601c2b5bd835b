package sockets101.grader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one graded test ended. {@code test} is the test's JUnit unique id ({@link TestSpec#id()});
 * {@code reason} says why it failed and is {@code null} when it passed.
 */
public record Outcome(String exercise, String test, boolean passed, String reason) {

    /** A failed outcome with its reason. */
    public static Outcome failed(String exercise, String test, String reason) {
        return new Outcome(exercise, test, false, reason);
    }

    /** A passed outcome. */
    public static Outcome passed(String exercise, String test) {
        return new Outcome(exercise, test, true, null);
    }

    /** Key that identifies a test across processes: its unique id. */
    public String key() {
        return test;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exercise", exercise);
        json.put("test", test);
        json.put("passed", passed);
        if (reason != null) {
            json.put("reason", reason);
        }
        return json;
    }

    static Outcome fromJson(Map<?, ?> json) {
        Object exercise = json.get("exercise");
        Object test = json.get("test");
        Object reason = json.get("reason");
        if (!(exercise instanceof String) || !(test instanceof String) || (reason != null && !(reason instanceof String))) {
            throw new IllegalArgumentException("not an outcome: " + json);
        }
        return new Outcome((String) exercise, (String) test, Boolean.TRUE.equals(json.get("passed")), (String) reason);
    }
}
