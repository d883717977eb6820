package org.nnlab.curriculum.grading;

import java.util.Locale;

/**
 * Explains an outcome to a student in plain words: what went wrong, where, and what to try.
 *
 * <p>The common misbehaviours get their own explanation (a stack overflow, a timeout, a crashed
 * JVM, {@code System.exit}, a file write outside the sandbox, a failing static initializer, a
 * method not yet written); anything else shows the exception and the frames in exercise code.
 */
final class Feedback {
    /** The column at which prose feedback wraps. */
    static final int WIDTH = 100;

    private Feedback() {
    }

    static String explain(GradedTest test, TestOutcome o) {
        String output = o.output().isBlank() ? "" : "\n\nOutput:\n" + o.output().stripTrailing();
        return explanation(o) + output;
    }

    /** The explanation alone, wrapped, without the captured output. */
    static String explanation(TestOutcome o) {
        String text = switch (o.status()) {
            case "SUCCESSFUL" -> "Passed.";
            case "TIMEOUT" -> String.format(Locale.ROOT, "Did not finish within %.1f s, so it was stopped. An"
                    + " infinite loop, a recursion that never shrinks its problem, or an algorithm far slower than"
                    + " needed (e.g. exponential where linear is possible) does this.", o.timeoutSeconds());
            case "CRASHED", "NOT_RUN" -> o.message();
            default -> failure(o);
        };
        return wrap(text);
    }

    /** Breaks prose lines at spaces before {@value #WIDTH} columns; indented lines (stack frames) stay whole. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int column = 0;
            if (line.startsWith(" ")) {
                out.append(line);
                continue;
            }
            for (String word : line.split(" ", -1)) {
                if (column > 0 && column + 1 + word.length() > WIDTH) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }

    private static String failure(TestOutcome o) {
        String e = o.exception();
        String root = o.cause().isEmpty() ? e : o.cause();
        String rootMessage = o.cause().isEmpty() ? o.message() : o.causeMessage();
        String where = o.trace().isBlank() ? "" : "\n" + o.trace().stripTrailing();
        if (e.equals("java.lang.StackOverflowError")) {
            return "StackOverflowError: the recursion went too deep. Each call made another call and the stack of"
                    + " unfinished calls ran out of room. Usually a base case is missing or never reached"
                    + " (does every call move closer to it?)." + where;
        }
        if (o.chain().contains("java.lang.ExceptionInInitializerError")
                || (o.chain().contains("java.lang.NoClassDefFoundError") && o.message().contains("Could not initialize"))) {
            return "A static initializer (a static field's value or a static { } block) threw "
                    + staticFailure(root, rootMessage) + ". The class could not be loaded, so every test that uses it"
                    + " fails." + where;
        }
        if (isDenied(root) && rootMessage.contains("exitVM")) {
            return "Your code called System.exit or Runtime.halt, which the grader blocks. A graded method must"
                    + " return its result (or throw an exception) instead of ending the program." + where;
        }
        if (isDenied(root) && rootMessage.contains("FilePermission")) {
            return "Your code tried to use a file it may not (" + rootMessage + "). Submissions may only read and write"
                    + " files in their working folder." + where;
        }
        if (isDenied(root)) {
            return "Your code tried something the grader's sandbox forbids (" + rootMessage + ")." + where;
        }
        if (root.equals("java.lang.UnsupportedOperationException") && rootMessage.startsWith("TODO")) {
            return "Not written yet: " + rootMessage + where;
        }
        if (e.startsWith("org.opentest4j.AssertionFailedError") || e.equals("java.lang.AssertionError")) {
            return o.message() + where;
        }
        if (e.startsWith("org.opentest4j.TestAbortedException") || o.status().equals("ABORTED")) {
            return "The test was aborted: " + o.message() + where;
        }
        return simpleName(e) + ": " + o.message()
                + (o.cause().isEmpty() ? "" : "\nCaused by " + simpleName(o.cause()) + ": " + o.causeMessage()) + where;
    }

    /** The original exception of a failed static initializer; the JVM keeps only its text after the first use. */
    private static String staticFailure(String root, String rootMessage) {
        if (root.equals("java.lang.ExceptionInInitializerError") && rootMessage.startsWith("Exception ")) {
            return rootMessage.substring("Exception ".length()).replaceFirst("\\s*\\[in thread .*]$", "");
        }
        return root + ": " + rootMessage;
    }

    private static boolean isDenied(String exception) {
        return exception.equals("java.security.AccessControlException") || exception.equals("java.lang.SecurityException");
    }

    private static String simpleName(String className) {
        return className.startsWith("java.lang.") ? className.substring("java.lang.".length()) : className;
    }
}
