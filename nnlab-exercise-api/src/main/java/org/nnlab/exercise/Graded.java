package org.nnlab.exercise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit 5 test method as graded: its points, its name on the score sheet and who sees it.
 *
 * <p>The test earns all its points when JUnit reports it successful and none otherwise (a
 * failure, an error, a timeout, a crash of the test JVM, or an abort). The grader reads these
 * values from the instructor's test source, not from the running tests, so write every element as
 * a literal: {@code @Graded(points = 2, name = "F(90) fits in a long", visibility =
 * Visibility.AFTER_DUE_DATE)}. Tests inside a {@code // BEGIN HIDDEN TESTS} block are graded but
 * left out of the student release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {
    /** The default time limit of one test, in seconds. */
    double DEFAULT_TIMEOUT_SECONDS = 10;

    /** The points the test is worth; ≥ 0, fractions allowed. */
    double points();

    /** The name shown on the score sheet; the method name when empty. */
    String name() default "";

    /** Who sees the result; {@link Visibility#VISIBLE} by default. */
    Visibility visibility() default Visibility.VISIBLE;

    /** The time limit of this test in seconds, after which it fails; {@value #DEFAULT_TIMEOUT_SECONDS} by default. */
    double timeoutSeconds() default DEFAULT_TIMEOUT_SECONDS;
}
