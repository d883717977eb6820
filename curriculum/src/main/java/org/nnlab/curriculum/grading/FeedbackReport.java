package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nnlab.core.io.AtomicFile;

/**
 * A grade as one self-contained HTML page: the score on top, notes about the whole submission, a
 * table of every test (pass/fail colour, visibility, points), then each test's explanation and
 * what it printed, failing tests first open.
 *
 * <p>The page holds results only, never a test's source. It shows hidden tests' results too (it
 * is for the instructor, or for a student grading a draft with {@code --visible-only}); on
 * Gradescope, {@code results.json}'s visibilities decide what students see.
 */
public final class FeedbackReport {
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;\
            padding:0 1rem;color:#1d2330;background:#fff}
            h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:2rem 0 .6rem}
            .summary{display:flex;gap:1.5rem;align-items:center;padding:1rem 1.2rem;border-radius:.6rem;\
            background:#f3f5f9;margin:1rem 0}
            .score{font-size:2.2rem;font-weight:700}.bar{flex:1;height:.8rem;background:#e1e5ee;border-radius:.4rem;\
            overflow:hidden}.bar span{display:block;height:100%;background:#2e8b57}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.45rem .6rem;\
            border-bottom:1px solid #e1e5ee;vertical-align:top}th{font-weight:600;background:#f3f5f9}
            td.points{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .pass{background:#e3f4e8;color:#145c32;font-weight:600}.fail{background:#fde7e7;color:#8a1c1c;\
            font-weight:600}
            .vis{color:#5a6275;font-size:.9em}
            details{border:1px solid #e1e5ee;border-radius:.5rem;margin:.6rem 0;padding:.2rem .9rem}
            details.failed{border-left:.35rem solid #c62828}details.passed{border-left:.35rem solid #2e8b57}
            summary{cursor:pointer;font-weight:600;padding:.4rem 0}
            pre{white-space:pre-wrap;word-break:break-word;background:#f6f7f9;padding:.7rem;border-radius:.4rem;\
            font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.4rem 0 .8rem}
            .note{border-left:.3rem solid #d08b00;background:#fff8e6}
            """;

    private FeedbackReport() {
    }

    /** The page for {@code grade} as HTML. */
    public static String html(GradeReport grade) {
        StringBuilder h = new StringBuilder(8192);
        String title = "Exercise " + grade.exerciseId() + ": " + grade.exerciseTitle();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
        double fraction = grade.maxScore() > 0 ? grade.score() / grade.maxScore() : 0;
        h.append("<div class=\"summary\" id=\"summary\"><div class=\"score\">").append(points(grade.score()))
                .append(" / ").append(points(grade.maxScore())).append("</div><div>")
                .append(grade.passedCount()).append(" of ").append(grade.results().size()).append(" tests passed<br>")
                .append(String.format(Locale.ROOT, "graded in %.1f s", grade.executionSeconds()))
                .append(grade.sandboxed() ? "" : " <strong>without the sandbox</strong>").append("</div>")
                .append(String.format(Locale.ROOT, "<div class=\"bar\" title=\"%.0f%%\"><span style=\"width:%.1f%%\"></span>"
                        + "</div></div>%n", 100 * fraction, 100 * fraction));
        if (!grade.notes().isEmpty()) {
            h.append("<h2>About the whole submission</h2>\n");
            grade.notes().forEach(n -> h.append("<pre class=\"note\">").append(escape(n)).append("</pre>\n"));
        }
        h.append("<h2>Tests</h2>\n<table>\n<thead><tr><th>#</th><th>test</th><th>result</th><th>visibility</th>")
                .append("<th>points</th></tr></thead>\n<tbody>\n");
        int number = 1;
        for (TestResult r : grade.results()) {
            h.append("<tr><td>").append(number).append("</td><td><a href=\"#test-").append(number).append("\">")
                    .append(escape(r.test().name())).append("</a></td><td class=\"").append(r.passed() ? "pass" : "fail")
                    .append("\">").append(r.passed() ? "passed" : "failed").append("</td><td class=\"vis\">")
                    .append(visibility(r.test())).append("</td><td class=\"points\">").append(points(r.score()))
                    .append(" / ").append(points(r.test().points())).append("</td></tr>\n");
            number++;
        }
        h.append("</tbody>\n</table>\n<h2>Feedback</h2>\n");
        number = 1;
        for (TestResult r : grade.results()) {
            h.append("<details id=\"test-").append(number++).append("\" class=\"").append(r.passed() ? "passed" : "failed")
                    .append('"').append(r.passed() ? "" : " open").append("><summary>").append(r.passed() ? "✔ " : "✘ ")
                    .append(escape(r.test().name())).append(" — ").append(points(r.score())).append(" / ")
                    .append(points(r.test().points())).append("</summary>\n<pre>").append(escape(r.explanation()))
                    .append("</pre>\n");
            if (!r.outcome().output().isBlank()) {
                h.append("<div>What the test printed:</div>\n<pre class=\"output\">")
                        .append(escape(r.outcome().output().stripTrailing())).append("</pre>\n");
            }
            h.append("</details>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /** Writes the page for {@code grade} to {@code file} (atomically), creating its folder. */
    public static void write(GradeReport grade, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            byte[] bytes = html(grade).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the feedback page to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String visibility(GradedTest test) {
        String when = switch (test.visibility()) {
            case VISIBLE -> "visible";
            case AFTER_DUE_DATE -> "after the due date";
            case AFTER_PUBLISHED -> "after grades are published";
            case HIDDEN -> "never shown";
        };
        return test.hidden() ? when + " (hidden test)" : when;
    }

    static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
