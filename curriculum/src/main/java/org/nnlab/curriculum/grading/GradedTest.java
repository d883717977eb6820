package org.nnlab.curriculum.grading;

import org.nnlab.exercise.Visibility;

/**
 * One graded test as the instructor declared it with {@link org.nnlab.exercise.Graded}.
 *
 * @param className the test class's binary name
 * @param methodName the test method
 * @param name the score-sheet name
 * @param points the points it is worth
 * @param visibility who sees its result
 * @param hidden whether it sits in a hidden-tests block (left out of the student release)
 * @param timeoutSeconds its time limit
 * @param location {@code File.java:line} of the method, for messages
 */
public record GradedTest(String className, String methodName, String name, double points, Visibility visibility,
                         boolean hidden, double timeoutSeconds, String location) {

    /** {@code className#methodName}, the key the test JVM reports results under. */
    public String id() {
        return className + "#" + methodName;
    }
}
