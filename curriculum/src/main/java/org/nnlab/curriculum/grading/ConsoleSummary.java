package org.nnlab.curriculum.grading;

import java.util.Locale;

/** A grade as a few lines of text for the terminal: one line per test, then the total. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /** The summary of {@code report}; with {@code details}, each failed test's feedback follows it. */
    public static String of(GradeReport report, boolean details) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Exercise %s — %s%n", report.exerciseId(), report.exerciseTitle()));
        for (TestResult r : report.results()) {
            out.append(String.format(Locale.ROOT, "  %s %5.1f / %-4.1f %s%s%n", r.passed() ? "PASS" : "FAIL",
                    r.score(), r.test().points(), r.test().name(), r.test().hidden() ? "  (hidden)" : ""));
            if (details && !r.passed()) {
                out.append(indent(r.feedback())).append('\n');
            }
        }
        for (String note : report.notes()) {
            out.append(indent(note)).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Score: %.1f / %.1f (%d of %d tests passed) in %.1f s%s%n",
                report.score(), report.maxScore(), report.passedCount(), report.results().size(),
                report.executionSeconds(), report.sandboxed() ? "" : " [no SecurityManager sandbox]"));
        return out.toString();
    }

    private static String indent(String text) {
        return "         " + text.strip().replace("\n", "\n         ");
    }
}
