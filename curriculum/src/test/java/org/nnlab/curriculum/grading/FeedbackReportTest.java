package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.exercise.Visibility;

/** The feedback page: score on top, a coloured row per test, each failure's message and output. */
class FeedbackReportTest {
    private static final GradedTest VISIBLE = new GradedTest("p.T", "a", "adds", 2, Visibility.VISIBLE, false, 5, "T.java:3");
    private static final GradedTest HIDDEN = new GradedTest("p.T", "b", "edge <cases>", 1.5, Visibility.AFTER_DUE_DATE,
            true, 5, "T.java:9");

    private static GradeReport report() {
        TestOutcome pass = new TestOutcome("SUCCESSFUL", "", "", "", "", "", "", "printed\n", 0);
        TestOutcome fail = new TestOutcome("FAILED", "org.opentest4j.AssertionFailedError", "expected: <2> but was: <1>",
                "", "", "", "    at p.A.add(A.java:4)\n", "<script>alert(1)</script>\n", 0);
        return new GradeReport("e", "An exercise", List.of(TestResult.of(VISIBLE, pass), TestResult.of(HIDDEN, fail)),
                List.of("a note & more"), 2.6, true);
    }

    @Test
    void showsTheScoreAColouredRowPerTestAndEachFailureWithItsOutput() {
        String html = FeedbackReport.html(report());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<div class=\"score\">2 / 3.5</div><div>1 of 2 tests passed"), html);
        assertTrue(html.contains("<td class=\"pass\">passed</td><td class=\"vis\">visible</td>"), html);
        assertTrue(html.contains("<td class=\"fail\">failed</td><td class=\"vis\">after the due date (hidden test)</td>"),
                html);
        assertTrue(html.contains("<details id=\"test-2\" class=\"failed\" open><summary>✘ edge &lt;cases&gt; — 0 / 1.5"),
                html);
        assertTrue(html.contains("<pre>expected: &lt;2&gt; but was: &lt;1&gt;\n    at p.A.add(A.java:4)</pre>"), html);
        assertTrue(html.contains("<pre class=\"output\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>"), html);
        assertTrue(html.contains("<pre class=\"note\">a note &amp; more</pre>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void writesThePageCreatingItsFolder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/feedback.html");
        FeedbackReport.write(report(), file);
        assertTrue(Files.readString(file).endsWith("</html>\n"));
    }
}
