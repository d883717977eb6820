package org.nnlab.curriculum.exercise;

import java.util.List;

/**
 * One graded exercise: its instructions, the files a student edits, and the graded tests.
 *
 * <p>Paths are relative to the exercise's folder, e.g. {@code src/org/nnlab/exercises/fibonacci/Fibonacci.java}.
 *
 * @param id the folder name and the command-line name, e.g. {@code fibonacci}
 * @param number the position in the course, 1-based
 * @param title one line for listings
 * @param studentFiles the sources a student edits and submits, with solution blocks
 * @param testFiles the graded JUnit 5 tests, with hidden-test blocks
 * @param timeoutSeconds the default time limit per test
 * @param source where the files are read from
 */
public record Exercise(String id, int number, String title, List<String> studentFiles, List<String> testFiles,
                       double timeoutSeconds, ExerciseSource source) {

    /** Copies the file lists, so an exercise cannot change after it is read. */
    public Exercise {
        studentFiles = List.copyOf(studentFiles);
        testFiles = List.copyOf(testFiles);
    }

    /** The instructions in Markdown ({@code README.md} of the exercise folder). */
    public String instructions() {
        return source.read(id + "/README.md");
    }

    /** The marked instructor source of {@code relativePath}, one of the student or test files. */
    public MarkedSource marked(String relativePath) {
        return new MarkedSource(fileName(relativePath), source.read(id + "/" + relativePath));
    }

    /** The last path element, e.g. {@code Fibonacci.java}. */
    public static String fileName(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The Java package a source path declares by its folders, e.g. {@code org.nnlab.exercises.fibonacci}. */
    public static String packageOf(String relativePath) {
        String withoutRoot = relativePath.substring(relativePath.indexOf('/') + 1);
        int slash = withoutRoot.lastIndexOf('/');
        return slash < 0 ? "" : withoutRoot.substring(0, slash).replace('/', '.');
    }
}
