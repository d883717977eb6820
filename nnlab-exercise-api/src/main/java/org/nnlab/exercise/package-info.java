/**
 * What a graded exercise's tests use: {@link org.nnlab.exercise.Graded} gives a JUnit 5 test its
 * points, name, visibility and time limit; {@link org.nnlab.exercise.VisibleScore} prints the
 * visible score when a student runs the tests ({@code mvn test}).
 *
 * <p>This is the only grading artifact a released exercise depends on besides nnlab itself. It
 * holds no solution and no hidden test; the autograder that runs the hidden tests is staff-only.
 */
package org.nnlab.exercise;
