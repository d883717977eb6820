/**
 * Graded exercises as instructors write them, and their release to students.
 *
 * <p>Start with {@link org.nnlab.curriculum.exercise.ExerciseCatalog}, which reads the exercises
 * listed in {@code index.txt}; {@link org.nnlab.curriculum.exercise.Release} turns an instructor's
 * source (solution inside {@code // BEGIN SOLUTION} … {@code // END SOLUTION}, hidden tests inside
 * {@code // BEGIN HIDDEN TESTS} … {@code // END HIDDEN TESTS}) into the student version, and
 * {@link org.nnlab.curriculum.exercise.SelfCheck} proves the release compiles and scores 0, the
 * reference scores 100%, and every known-wrong and hostile submission
 * ({@link org.nnlab.curriculum.exercise.KnownSubmission}) gets its exact score. A release is a
 * Maven project ({@link org.nnlab.curriculum.exercise.ReleasedProject});
 * {@link org.nnlab.curriculum.exercise.Scaffold} writes a new exercise. The full workflow is in
 * {@code curriculum/GRADING.md}.
 */
package org.nnlab.curriculum.exercise;
