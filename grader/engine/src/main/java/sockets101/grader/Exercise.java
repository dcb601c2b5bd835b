package sockets101.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as the graded suite of one exercise. The exercise is named after the
 * class ({@code BindTest} grades {@code Bind}); its hint lives in
 * {@code exercises/docs/{es,en}/NAME.adoc} between the {@code hint} tags.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {
    /** Lesson file name without extension, for example {@code 04-server}. */
    String lesson();

    /** Section id inside the lesson, for example {@code bind}. */
    String section();

    /**
     * Position of the exercise inside its lesson, in the order of the handout's tables (bind,
     * listen, accept; recv, send, ...): the course order a student is led through.
     */
    int order() default 0;
}
