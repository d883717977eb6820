package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A grade as a self-contained HTML page for the student: the total, then each test with its
 * points and feedback. Hidden tests are listed by name only when their visibility allows.
 */
public final class FeedbackReport {
    private FeedbackReport() {
    }

    /** The page for {@code report}. */
    public static String html(GradeReport report) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(escape(report.exerciseTitle())).append("</h1>\n");
        body.append(String.format(Locale.ROOT, "<p class=\"total\">Score: <b>%.1f / %.1f</b> — %d of %d tests passed.</p>%n",
                report.score(), report.maxScore(), report.passedCount(), report.results().size()));
        for (String note : report.notes()) {
            body.append("<pre class=\"note\">").append(escape(note)).append("</pre>\n");
        }
        body.append("<table>\n<tr><th></th><th>test</th><th>points</th><th>feedback</th></tr>\n");
        for (TestResult r : report.results()) {
            body.append(String.format(Locale.ROOT, "<tr class=\"%s\"><td>%s</td><td>%s</td><td>%.1f / %.1f</td><td><pre>%s</pre></td></tr>%n",
                    r.passed() ? "pass" : "fail", r.passed() ? "✔" : "✘", escape(r.test().name()), r.score(),
                    r.test().points(), escape(r.feedback())));
        }
        body.append("</table>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(report.exerciseTitle()) + " — feedback</title><style>"
                + "body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}"
                + "td,th{border-bottom:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}"
                + "tr.pass td:first-child{color:#080}tr.fail td:first-child{color:#b00}"
                + "pre{white-space:pre-wrap;margin:0}pre.note{background:#fff4d6;padding:.6em}"
                + "</style></head><body>\n" + body + "</body></html>\n";
    }

    /** Writes the page for {@code report} to {@code file}. */
    public static void write(GradeReport report, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, html(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feedback report to " + file, e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
