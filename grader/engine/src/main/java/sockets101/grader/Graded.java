package sockets101.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a graded test checks, in both languages, and what it is worth.
 *
 * <pre>{@code
 * @Test
 * @Graded(points = 2, es = "enlaza el puerto 0 a un puerto libre", en = "binds port 0 to a free port")
 * void bindsPortZero() { ... }
 * }</pre>
 *
 * A test of an {@link Exercise} class without this annotation is worth {@link #DEFAULT_POINTS}
 * and is named after its method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {
    /** Points of a test that carries no {@code @Graded}. */
    int DEFAULT_POINTS = 1;

    /** Points earned when the test passes; at least 1. */
    int points() default DEFAULT_POINTS;

    /** What the test checks, in Spanish (shown on the scoreboard). */
    String es();

    /** What the test checks, in English (shown on the scoreboard). */
    String en();
}
