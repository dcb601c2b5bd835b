package sockets101.grader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exercise as the grader sees it: its name, the class a student writes, the lesson that
 * teaches it and its graded tests in execution order.
 */
public record ExerciseSpec(String name, String testClass, String lesson, String section, List<TestSpec> tests) {

    public ExerciseSpec {
        tests = List.copyOf(tests);
    }

    /** Builds the spec of a test class annotated with {@link Exercise}. */
    public static ExerciseSpec of(Class<?> testClass, List<TestSpec> tests) {
        Exercise exercise = testClass.getAnnotation(Exercise.class);
        if (exercise == null) {
            throw new IllegalArgumentException(testClass.getName() + " is not annotated with @Exercise");
        }
        return new ExerciseSpec(nameOf(testClass), testClass.getName(), exercise.lesson(), exercise.section(), tests);
    }

    /** The exercise an {@code NAMETest} class grades: {@code NAME}. */
    static String nameOf(Class<?> testClass) {
        String simple = testClass.getSimpleName();
        if (!simple.endsWith("Test") || simple.equals("Test")) {
            throw new IllegalArgumentException("an @Exercise class must be named NAMETest: " + testClass.getName());
        }
        return simple.substring(0, simple.length() - "Test".length());
    }

    /** Fully qualified name of the class the student writes, e.g. {@code sockets101.server.Bind}. */
    public String studentClass() {
        return testClass.substring(0, testClass.length() - "Test".length());
    }

    /** Source path of the student's class, relative to {@code src/main/java}. */
    public String studentSource() {
        return studentClass().replace('.', '/') + ".java";
    }

    /** The test with this unique id, if it is one of this exercise's. */
    public java.util.Optional<TestSpec> test(String id) {
        return tests.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The maximum score: the points of every test, whichever of them ran. */
    public int maxPoints() {
        return tests.stream().mapToInt(TestSpec::points).sum();
    }

    /** Where the lesson section lives in the built site, relative to the project root. */
    public String lessonLink(Lang lang) {
        return "site/target/site/" + lang.code() + "/" + lesson + ".html#" + section;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("testClass", testClass);
        json.put("lesson", lesson);
        json.put("section", section);
        json.put("tests", tests.stream().map(TestSpec::toJson).toList());
        return json;
    }

    static ExerciseSpec fromJson(Map<?, ?> json) {
        List<TestSpec> tests = ((List<?>) json.get("tests")).stream()
                .map(t -> TestSpec.fromJson((Map<?, ?>) t)).toList();
        return new ExerciseSpec((String) json.get("name"), (String) json.get("testClass"),
                (String) json.get("lesson"), (String) json.get("section"), tests);
    }
}
