package org.nnlab.exercise;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints a student's visible score after the tests ran, the way the autograder counts it.
 *
 * <p>A JUnit Platform listener, registered through {@code META-INF/services}, so {@code mvn test},
 * Gradle and the IDEs run it without configuration. Every {@link Graded} test earns its points when
 * JUnit reports it successful and none otherwise (failed, aborted, skipped, or never run because
 * its class could not start). The report opens with one line, e.g. {@code 4/7 visible points;
 * hidden tests run after submission}, then lists each graded test with its points, and each
 * failing one with its message. A run without graded tests prints nothing.
 */
public final class VisibleScore implements TestExecutionListener {
    /** Where the report goes; {@code System.out} unless a test of this class passes another. */
    private final PrintStream out;
    private final Map<String, Entry> graded = new LinkedHashMap<>();

    /** The listener JUnit creates: it prints to {@code System.out} as it is at the end of the run. */
    public VisibleScore() {
        this(null);
    }

    /** A listener printing to {@code out}. */
    VisibleScore(PrintStream out) {
        this.out = out;
    }

    /** One graded test: its annotation and what happened to it. */
    private static final class Entry {
        final Graded graded;
        final String method;
        boolean passed;
        String problem = "not run: its test class could not start (see the error above)";

        Entry(Graded graded, String method) {
            this.graded = graded;
            this.method = method;
        }

        String name() {
            return graded.name().isEmpty() ? method : graded.name();
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        graded.clear();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                annotation(test).ifPresent(g -> graded.put(test.getUniqueId(), new Entry(g, methodName(test))));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        Entry e = graded.get(test.getUniqueId());
        if (e != null) {
            e.problem = "skipped: " + reason;
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Entry e = graded.get(test.getUniqueId());
        if (e == null) {
            return;
        }
        e.passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        e.problem = result.getThrowable().map(VisibleScore::describe)
                .orElse(result.getStatus() == TestExecutionResult.Status.ABORTED ? "aborted" : "");
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (graded.isEmpty()) {
            return;
        }
        PrintStream to = out != null ? out : new PrintStream(System.out, true, StandardCharsets.UTF_8);
        to.print(report(new ArrayList<>(graded.values())));
        to.flush();
    }

    /** The report for {@code entries}: the score line, then one line per test and each failure's message. */
    private static String report(List<Entry> entries) {
        double earned = 0;
        double possible = 0;
        int passed = 0;
        StringBuilder lines = new StringBuilder();
        for (Entry e : entries) {
            possible += e.graded.points();
            if (e.passed) {
                earned += e.graded.points();
                passed++;
            }
            lines.append(String.format(Locale.ROOT, "  %s %s/%s  %s%n", e.passed ? "PASS" : "FAIL",
                    points(e.passed ? e.graded.points() : 0), points(e.graded.points()), e.name()));
            if (!e.passed && !e.problem.isBlank()) {
                lines.append("         ").append(e.problem.strip().replace("\n", "\n         ")).append('\n');
            }
        }
        return String.format(Locale.ROOT, "%n%s/%s visible points; hidden tests run after submission (%d of %d"
                + " visible tests passed)%n", points(earned), points(possible), passed, entries.size()) + lines;
    }

    /** Points as the score sheet writes them: {@code 2}, {@code 1.5}. */
    static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 10; depth++) {
            root = root.getCause();
        }
        String message = String.valueOf(t.getMessage());
        if (root instanceof UnsupportedOperationException && String.valueOf(root.getMessage()).startsWith("TODO")) {
            return "Not written yet: " + root.getMessage();
        }
        String text = t instanceof AssertionError ? message : t.getClass().getName() + ": " + message;
        return text.length() <= 600 ? text : text.substring(0, 600) + " …";
    }

    private static Optional<Graded> annotation(TestIdentifier test) {
        if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource source)) {
            return Optional.empty();
        }
        try {
            Method method = source.getJavaMethod();
            return Optional.ofNullable(method.getAnnotation(Graded.class));
        } catch (RuntimeException e) {
            return Optional.empty(); // a source whose method cannot be loaded is not a graded test
        }
    }

    private static String methodName(TestIdentifier test) {
        return test.getSource().orElse(null) instanceof MethodSource source ? source.getMethodName()
                : test.getDisplayName();
    }
}
