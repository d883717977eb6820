package org.nnlab.curriculum.grading;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What compiling a submission produced: the student's and the tests' class files, or the problems.
 *
 * @param succeeded whether both compilations worked and nothing was refused
 * @param studentClasses binary name → class file, from the student's sources alone
 * @param testClasses binary name → class file, from the instructor's tests compiled against them
 * @param problems the refusals or errors, each with file and line
 */
public record Compilation(boolean succeeded, Map<String, byte[]> studentClasses, Map<String, byte[]> testClasses,
                          List<Problem> problems) {

    /** Copies the maps and list, so a compilation cannot change after it is made. */
    public Compilation {
        studentClasses = Map.copyOf(studentClasses);
        testClasses = Map.copyOf(testClasses);
        problems = List.copyOf(problems);
    }

    /** A compilation that stopped with {@code problems}. */
    static Compilation failed(List<Problem> problems) {
        return new Compilation(false, Map.of(), Map.of(), problems);
    }

    /** Where a problem was found. */
    public enum Stage {
        /** Refused before compiling: the submission declares something it may not. */
        REFUSED,
        /** javac's error in the student's own file. */
        STUDENT,
        /** javac's error in a test compiled against the submission: a signature the tests use changed. */
        TESTS,
        /** javac itself failed (crashed or ran out of time) on the file. */
        COMPILER
    }

    /**
     * One problem.
     *
     * @param file the source's file name
     * @param line 1-based; 0 when there is no line
     * @param message the explanation
     * @param stage where it was found
     */
    public record Problem(String file, long line, String message, Stage stage) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (stage == Stage.REFUSED ? "refused" : "error") + ": " + message;
        }
    }

    /** The packages of the tests' classes, which student code may not inspect in the test JVM. */
    public Set<String> testPackages() {
        return testClasses.keySet().stream().map(n -> n.lastIndexOf('.') < 0 ? "" : n.substring(0, n.lastIndexOf('.')))
                .collect(Collectors.toSet());
    }

    /** The problems as a report for the student, with a hint for each kind. */
    public String explain() {
        String list = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        Set<Stage> stages = problems.stream().map(Problem::stage).collect(Collectors.toSet());
        String headline = stages.contains(Stage.REFUSED)
                ? "Your submission was not compiled, so no test could run (0 points for each):"
                : stages.contains(Stage.COMPILER)
                ? "The Java compiler could not compile your submission, so no test could run (0 points for each):"
                : "Your submission does not compile, so no test could run (0 points for each):";
        String hint = stages.contains(Stage.TESTS) ? "\nHint: an error inside a test file means a class, method or"
                + " signature the tests call was renamed, removed or changed; keep the starter's signatures exactly." : "";
        return headline + "\n" + list + hint;
    }
}
