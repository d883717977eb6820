/**
 * The autograder: compiles a submission, runs its graded tests in a sandboxed JVM, and scores it.
 *
 * <p>Start with {@link org.nnlab.curriculum.grading.Grader}; {@link org.nnlab.exercise.Graded}
 * is the annotation that gives a test its points, name and visibility, and
 * {@link org.nnlab.curriculum.grading.GradescopeResults} writes Gradescope's {@code results.json}.
 * Scores come only from records the test JVM signs with a per-run key it reads before any student
 * code loads ({@link org.nnlab.curriculum.grading.SignedRecord}); printed output is never parsed.
 */
package org.nnlab.curriculum.grading;
