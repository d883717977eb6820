/**
 * The code that runs inside the test JVM, beside the student's classes: internal to the grader.
 *
 * <p>{@link org.nnlab.curriculum.grading.child.TestJvmMain} reads its secrets and the class files
 * from standard input, defines the student's and the tests' classes in two sibling class loaders
 * ({@code ExerciseClassLoader}), installs the sandbox ({@code SandboxPolicy}), captures output,
 * runs the planned tests with JUnit, visible ones first, and writes signed records; the grader
 * keeps the time.
 */
package org.nnlab.curriculum.grading.child;
