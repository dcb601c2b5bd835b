package sockets101.grader;

import java.util.LinkedHashMap;
import java.util.Map;

/** How one graded test ended; {@code reason} says why it failed and is {@code null} when it passed. */
public record Outcome(String exercise, String method, boolean passed, String reason) {

    /** A failed outcome with its reason. */
    public static Outcome failed(String exercise, String method, String reason) {
        return new Outcome(exercise, method, false, reason);
    }

    /** Key that identifies a test across processes: {@code Exercise#method}. */
    public String key() {
        return key(exercise, method);
    }

    static String key(String exercise, String method) {
        return exercise + "#" + method;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exercise", exercise);
        json.put("method", method);
        json.put("passed", passed);
        if (reason != null) {
            json.put("reason", reason);
        }
        return json;
    }

    static Outcome fromJson(Map<?, ?> json) {
        return new Outcome((String) json.get("exercise"), (String) json.get("method"),
                Boolean.TRUE.equals(json.get("passed")), (String) json.get("reason"));
    }
}
