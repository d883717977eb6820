package org.nnlab.curriculum.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The known-wrong and hostile submissions of this exercise with their expected scores, listed in
     * {@code checks/index.txt}; none when there is no such file.
     */
    public List<KnownSubmission> knownSubmissions() {
        String index = id + "/checks/index.txt";
        if (!source.exists(index)) {
            return List.of();
        }
        List<KnownSubmission> out = new ArrayList<>();
        for (String line : source.read(index).split("\r?\n")) {
            String name = line.replaceFirst("#.*", "").trim();
            if (!name.isEmpty()) {
                String file = id + "/checks/" + name + ".txt";
                out.add(KnownSubmission.parse(file, source.read(file)));
            }
        }
        return out;
    }

    /** The reference solution: file name → the instructor's source of each student file. */
    public Map<String, String> referenceSources() {
        Map<String, String> out = new LinkedHashMap<>();
        studentFiles.forEach(p -> out.put(fileName(p), marked(p).instructorVersion()));
        return out;
    }

    /** The starter: file name → the student version of each student file. */
    public Map<String, String> starterSources() {
        Map<String, String> out = new LinkedHashMap<>();
        studentFiles.forEach(p -> out.put(fileName(p), marked(p).studentVersion()));
        return out;
    }

    /**
     * The graded tests: file name → source, as the instructor wrote them (with the hidden tests)
     * or as released ({@code released}: without them).
     */
    public Map<String, String> testSources(boolean released) {
        Map<String, String> out = new LinkedHashMap<>();
        testFiles.forEach(p -> out.put(fileName(p), released ? marked(p).studentVersion() : marked(p).instructorVersion()));
        return out;
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
