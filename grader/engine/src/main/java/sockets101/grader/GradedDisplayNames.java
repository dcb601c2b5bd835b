package sockets101.grader;

import org.junit.jupiter.api.DisplayNameGenerator;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Names the graded tests in an IDE's JUnit runner as the scoreboard does: an {@link Exercise}
 * class by its exercise and lesson ({@code Bind — 04-server § bind}), a {@link Graded} test by
 * what it checks, in the student's language, with its points. The exercises'
 * {@code junit-platform.properties} makes it the default generator.
 */
public class GradedDisplayNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        Exercise exercise = testClass.getAnnotation(Exercise.class);
        String simple = testClass.getSimpleName();
        if (exercise == null || !simple.endsWith("Test")) {
            return super.generateDisplayNameForClass(testClass);
        }
        return simple.substring(0, simple.length() - "Test".length()) + " — " + exercise.lesson() + " § " + exercise.section();
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        Graded graded = testMethod.getAnnotation(Graded.class);
        if (graded == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        }
        Lang lang = Lang.current();
        return lang.pick(graded.es(), graded.en()) + " (" + graded.points() + " "
                + (graded.points() == 1 ? lang.pick("punto", "point") : lang.pick("puntos", "points")) + ")";
    }
}
