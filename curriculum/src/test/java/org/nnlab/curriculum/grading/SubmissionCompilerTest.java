package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionCompilerTest {
    private static final Map<String, String> SOURCES = Map.of("Fibonacci.java", "class Fibonacci {}");
    private static final String SIMPLIFY = ". Simplify it: split very long expressions (thousands of terms) into"
            + " several statements, remove deeply nested parentheses or calls, and keep constant expressions and array"
            + " initializers small.";

    @Test
    void aCrashJavacCaughtItselfIsExplainedAsTheCrashItReported() {
        // What javac prints when it catches its own StackOverflowError (JDK 17's JavacTaskImpl).
        String overflow = "An exception has occurred in the compiler (17.0.21). Please file a bug against the Java"
                + " compiler via the Java bug reporting page …\njava.lang.StackOverflowError\n"
                + "\tat jdk.compiler/com.sun.tools.javac.comp.Attr.attribTree(Attr.java:662)\n";
        assertEquals(List.of(new Compilation.Problem("Fibonacci.java", 0, "the Java compiler could not handle this file:"
                + " it ran out of stack (StackOverflowError)" + SIMPLIFY, Compilation.Stage.COMPILER)),
                SubmissionCompiler.unreported(SOURCES, overflow, Compilation.Stage.STUDENT));
        assertEquals("the Java compiler could not handle this file: it ran out of memory" + SIMPLIFY,
                SubmissionCompiler.unreported(SOURCES, "java.lang.OutOfMemoryError: Java heap space",
                        Compilation.Stage.STUDENT).get(0).message());
        assertEquals("the Java compiler could not handle this file: it crashed" + SIMPLIFY,
                SubmissionCompiler.unreported(SOURCES, "An exception has occurred in the compiler (17).\n"
                        + "java.lang.AssertionError", Compilation.Stage.STUDENT).get(0).message());
    }

    @Test
    void aFailureWithNothingSaidIsReportedAsSuch() {
        assertEquals(List.of(new Compilation.Problem("Fibonacci.java", 0, "javac reported a failure without an error"
                + " message", Compilation.Stage.TESTS)), SubmissionCompiler.unreported(SOURCES, "", Compilation.Stage.TESTS));
    }
}
