package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.exercise.Visibility;

class GradescopeResultsTest {
    private static final GradedTest VISIBLE = new GradedTest("p.T", "a", "adds", 2, Visibility.VISIBLE, false, 5, "T.java:3");
    private static final GradedTest HIDDEN = new GradedTest("p.T", "b", "edge cases", 1.5, Visibility.AFTER_DUE_DATE, true, 5,
            "T.java:9");

    private static GradeReport report() {
        TestOutcome pass = new TestOutcome("SUCCESSFUL", "", "", "", "", "", "", "printed\n", 0);
        TestOutcome timeout = new TestOutcome("TIMEOUT", "", "", "", "", "", "", "", 5);
        return new GradeReport("e", "An exercise", List.of(TestResult.of(VISIBLE, pass), TestResult.of(HIDDEN, timeout)),
                List.of("a note"), 2.6, true);
    }

    @Test
    void writesGradescopesFieldsForEveryTest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results/results.json");
        GradescopeResults.write(report(), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(2.0, json.get("score").asDouble());
        assertEquals(3, json.get("execution_time").asInt());
        assertEquals("a note", json.get("output").asText());
        JsonNode first = json.get("tests").get(0);
        assertEquals("adds", first.get("name").asText());
        assertEquals(2.0, first.get("score").asDouble());
        assertEquals(2.0, first.get("max_score").asDouble());
        assertEquals("visible", first.get("visibility").asText());
        assertEquals("Passed.\n\nOutput:\nprinted", first.get("output").asText());
        JsonNode second = json.get("tests").get(1);
        assertEquals(0.0, second.get("score").asDouble());
        assertEquals(1.5, second.get("max_score").asDouble());
        assertEquals("after_due_date", second.get("visibility").asText());
        assertTrue(second.get("output").asText().startsWith("Did not finish within 5.0 s"));
    }

    @Test
    void consoleSummaryEndsWithTheTotal() {
        String text = ConsoleSummary.of(report(), true);
        assertTrue(text.contains("PASS   2.0 / 2.0  adds") && text.contains("FAIL   0.0 / 1.5  edge cases  (hidden)"), text);
        assertTrue(text.endsWith("Score: 2.0 / 3.5 (1 of 2 tests passed) in 2.6 s\n"), text);
    }


}
