package sockets101.grader;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/** One graded test: its method, its points and what it checks in both languages. */
public record TestSpec(String method, int points, String es, String en) {

    public TestSpec {
        if (points < 1) {
            throw new IllegalArgumentException("@Graded points must be at least 1: " + method + " has " + points);
        }
    }

    /** Reads {@link Graded} from a test method, with the defaults when it is absent. */
    public static TestSpec of(Method method) {
        Graded graded = method.getAnnotation(Graded.class);
        return graded == null
                ? new TestSpec(method.getName(), Graded.DEFAULT_POINTS, method.getName(), method.getName())
                : new TestSpec(method.getName(), graded.points(), graded.es(), graded.en());
    }

    /** What the test checks, in the given language. */
    public String title(Lang lang) {
        return lang.pick(es, en);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("points", points);
        json.put("es", es);
        json.put("en", en);
        return json;
    }

    static TestSpec fromJson(Map<?, ?> json) {
        return new TestSpec((String) json.get("method"), ((Number) json.get("points")).intValue(),
                (String) json.get("es"), (String) json.get("en"));
    }
}
