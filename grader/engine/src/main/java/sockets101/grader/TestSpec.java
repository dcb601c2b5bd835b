package sockets101.grader;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One graded test: its JUnit unique id (stable across JVMs, the key of its outcome), the method
 * that declares it, its points and what it checks in both languages.
 *
 * <p>A graded test is a test method: a plain {@code @Test}, or a {@code @ParameterizedTest},
 * {@code @RepeatedTest} or {@code @TestFactory}, which passes only if every one of its
 * invocations passes.
 */
public record TestSpec(String id, String method, int points, String es, String en) {

    public TestSpec {
        if (points < 1) {
            throw new IllegalArgumentException("@Graded points must be at least 1: " + method + " has " + points);
        }
    }

    /** Reads {@link Graded} from a test method, with the defaults when it is absent. */
    public static TestSpec of(String id, String method, Method javaMethod) {
        Graded graded = javaMethod.getAnnotation(Graded.class);
        return graded == null
                ? new TestSpec(id, method, Graded.DEFAULT_POINTS, method, method)
                : new TestSpec(id, method, graded.points(), graded.es(), graded.en());
    }

    /** What the test checks, in the given language. */
    public String title(Lang lang) {
        return lang.pick(es, en);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("method", method);
        json.put("points", points);
        json.put("es", es);
        json.put("en", en);
        return json;
    }

    static TestSpec fromJson(Map<?, ?> json) {
        return new TestSpec((String) json.get("id"), (String) json.get("method"),
                ((Number) json.get("points")).intValue(), (String) json.get("es"), (String) json.get("en"));
    }
}
