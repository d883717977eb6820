package org.nnlab.curriculum.grading;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What compiling a submission with the tests produced: class files in two groups, or errors.
 *
 * @param succeeded whether javac reported no error
 * @param studentClasses binary name → class file, from the student's sources
 * @param testClasses binary name → class file, from the instructor's tests
 * @param problems javac's errors, each with file and line
 */
public record Compilation(boolean succeeded, Map<String, byte[]> studentClasses, Map<String, byte[]> testClasses,
                          List<Problem> problems) {

    /** Copies the maps and list, so a compilation cannot change after it is made. */
    public Compilation {
        studentClasses = Map.copyOf(studentClasses);
        testClasses = Map.copyOf(testClasses);
        problems = List.copyOf(problems);
    }

    /**
     * One compile error.
     *
     * @param file the source's file name
     * @param line 1-based; 0 when javac names no line
     * @param message javac's message
     * @param inStudentFile whether the error is in the student's own file (otherwise in a test, which
     *     means the submission changed something the tests use)
     */
    public record Problem(String file, long line, String message, boolean inStudentFile) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": error: " + message;
        }
    }

    /** The errors as a report for the student, with a hint when a test no longer compiles. */
    public String explain() {
        String list = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        boolean testsBroken = problems.stream().anyMatch(p -> !p.inStudentFile());
        return "Your submission does not compile, so no test could run (0 points for each):\n" + list
                + (testsBroken ? "\nHint: an error inside a test file means a class, method or signature the tests"
                + " call was renamed, removed or changed; keep the starter's signatures exactly." : "");
    }
}
