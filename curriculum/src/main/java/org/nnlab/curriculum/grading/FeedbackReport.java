package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.viz.report.Report;

/**
 * A grade as a self-contained HTML page for the student, built with nn-viz's {@link Report}: the
 * total, notes about the whole submission, a table of every test, then each test's feedback.
 */
public final class FeedbackReport {
    private FeedbackReport() {
    }

    /** The report for {@code grade}. */
    public static Report of(GradeReport grade) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("score", String.format(Locale.ROOT, "%.1f / %.1f", grade.score(), grade.maxScore()));
        totals.put("tests passed", grade.passedCount() + " of " + grade.results().size());
        totals.put("grading time (s)", Math.round(grade.executionSeconds() * 10) / 10.0);
        Report report = Report.titled("Exercise " + grade.exerciseId() + ": " + grade.exerciseTitle())
                .numbers(totals);
        if (!grade.notes().isEmpty()) {
            report.section("About the whole submission");
            grade.notes().forEach(report::code);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TestResult r : grade.results()) {
            rows.add(List.of(r.passed() ? "passed" : "failed", r.test().name(), r.score(), r.test().points()));
        }
        report.section("Tests").table(List.of("result", "test", "points", "of"), rows);
        for (TestResult r : grade.results()) {
            report.section((r.passed() ? "✔ " : "✘ ") + r.test().name()).code(r.feedback());
        }
        return report;
    }

    /** The page for {@code grade} as HTML. */
    public static String html(GradeReport grade) {
        return of(grade).toHtml();
    }

    /** Writes the page for {@code grade} to {@code file}, creating its folder. */
    public static void write(GradeReport grade, Path file) {
        try {
            of(grade).writeTo(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feedback report to " + file, e);
        }
    }
}
