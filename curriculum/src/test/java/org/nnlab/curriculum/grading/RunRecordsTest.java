package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnlab.exercise.Visibility;

/** The grader's clock and the first-verdict-final rule, record by record. */
class RunRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;
    private static final GradedTest A = test("A", 5);
    private static final GradedTest B = test("B", 5);

    private final Verdicts verdicts = new Verdicts();
    private final RunRecords records;

    RunRecordsTest() {
        Map<String, GradedTest> expected = new LinkedHashMap<>();
        expected.put(A.id(), A);
        expected.put(B.id(), B);
        records = new RunRecords(expected, verdicts, GradeOptions.defaults(), 0);
    }

    private static GradedTest test(String method, double seconds) {
        return new GradedTest("x.T", method, method, 1, Visibility.VISIBLE, false, seconds, "T.java:1");
    }

    private static ObjectNode record(String event, String test) {
        ObjectNode r = JSON.createObjectNode().put("event", event);
        return test == null ? r : r.put("test", "x.T#" + test);
    }

    private static ObjectNode success(String test) {
        return record("finish", test).put("status", "SUCCESSFUL");
    }

    @Test
    void aFinishReadBeforeTheLimitCounts() {
        records.accept(record("start", "A"), 0);
        records.accept(success("A"), 4 * SECOND);
        assertEquals(Optional.empty(), records.overrun(6 * SECOND));
        assertTrue(verdicts.of(A.id()).passed());
    }

    @Test
    void aTimeOutIsFinalEvenIfASuccessFollows() {
        records.accept(record("start", "A"), 0);
        assertEquals(Optional.of(A.id()), records.overrun(5 * SECOND + 1));
        records.accept(success("A"), 5 * SECOND + 2);
        records.accept(record("start", "A"), 5 * SECOND + 3);
        records.accept(success("A"), 5 * SECOND + 4);
        assertEquals("TIMEOUT", verdicts.of(A.id()).status());
        assertEquals(5.0, verdicts.of(A.id()).timeoutSeconds());
    }

    @Test
    void aSuccessReadAfterTheLimitIsATimeOut() {
        records.accept(record("start", "A"), 0);
        records.accept(success("A"), 5 * SECOND + 1);
        assertEquals("TIMEOUT", verdicts.of(A.id()).status());
    }

    @Test
    void theClockStartsWhenTheGraderReadsTheStartRecord() {
        records.accept(record("start", "A"), 10 * SECOND);
        assertEquals(Optional.empty(), records.overrun(14 * SECOND));
        assertEquals(Optional.of(A.id()), records.overrun(15 * SECOND));
    }

    @Test
    void aSecondFinishChangesNothing() {
        records.accept(record("start", "A"), 0);
        records.accept(record("finish", "A").put("status", "FAILED").put("message", "no"), SECOND);
        records.accept(success("A"), SECOND);
        assertEquals("FAILED", verdicts.of(A.id()).status());
    }

    @Test
    void aSuccessForATestThatNeverStartedIsIgnored() {
        records.accept(success("A"), SECOND);
        assertFalse(verdicts.has(A.id()));
        records.accept(record("finish", "B").put("status", "ABORTED"), SECOND);
        assertEquals("ABORTED", verdicts.of(B.id()).status());
    }

    @Test
    void aStartWithoutAFinishCostsThatTestWhenTheNextStarts() {
        records.accept(record("start", "A"), 0);
        records.accept(record("start", "B"), SECOND);
        assertEquals("CRASHED", verdicts.of(A.id()).status());
        assertEquals(B.id(), records.current());
    }

    @Test
    void aFailedClassSetupFailsOnlyTheTestsOfItsPhase() {
        records.accept(record("phase", null).set("tests", JSON.valueToTree(List.of(A.id()))), 0);
        records.accept(record("container", null).put("class", "x.T").put("status", "FAILED"), SECOND);
        assertEquals("FAILED", verdicts.of(A.id()).status());
        assertFalse(verdicts.has(B.id()));
    }

    @Test
    void aTimedOutTestKeepsTheOutputItSentSoFar() {
        records.accept(record("start", "A"), 0);
        records.accept(record("output", "A").put("output", "still looping"), SECOND);
        records.overrun(6 * SECOND);
        assertEquals("still looping", verdicts.of(A.id()).output());
        assertNull(records.current());
    }
}
