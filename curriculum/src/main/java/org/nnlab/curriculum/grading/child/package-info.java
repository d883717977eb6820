/**
 * The code that runs inside the test JVM, beside the student's classes: internal to the grader.
 *
 * <p>{@link org.nnlab.curriculum.grading.child.TestJvmMain} reads its secrets from standard input,
 * installs the sandbox ({@code SandboxPolicy}), captures output, runs the planned tests with
 * JUnit, and writes one signed record per test.
 */
package org.nnlab.curriculum.grading.child;
