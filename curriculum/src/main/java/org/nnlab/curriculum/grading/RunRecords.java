package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the verified records of one test JVM into verdicts, keeping time with the grader's clock.
 *
 * <p>A test's clock starts when the grader reads its {@code start} record, and its limit is the
 * grader's: the test JVM reports no durations and enforces nothing. The first verdict a test gets
 * is final, whatever arrives later: a {@code finish} record after the grader declared a time-out,
 * a second {@code finish}, a {@code finish} for a test that never started. Only a {@code finish}
 * for the running test, read before its limit passed, can make a test pass. A class whose setup
 * failed ({@code container}) fails the tests of the current phase that have no verdict.
 */
final class RunRecords {
    private final Map<String, GradedTest> expected;
    private final Verdicts verdicts;
    private final GradeOptions options;
    private Set<String> phase = Set.of();
    private String current;
    private String currentOutput = "";
    private long deadlineNanos;
    private boolean hello;
    private boolean sandboxed = true;
    private boolean done;
    private int verdictsGiven;
    private long lastRecordNanos;

    RunRecords(Map<String, GradedTest> expected, Verdicts verdicts, GradeOptions options, long startNanos) {
        this.expected = Map.copyOf(expected);
        this.verdicts = verdicts;
        this.options = options;
        this.lastRecordNanos = startNanos;
    }

    /** Takes one verified record, read at {@code nowNanos}. */
    void accept(JsonNode record, long nowNanos) {
        lastRecordNanos = nowNanos;
        String test = record.path("test").asText("");
        switch (record.path("event").asText()) {
            case "hello" -> {
                hello = true;
                sandboxed = record.path("sandboxed").asBoolean(false);
            }
            case "phase" -> {
                Set<String> tests = new HashSet<>();
                record.path("tests").forEach(id -> tests.add(id.asText()));
                phase = tests;
            }
            case "start" -> start(test, nowNanos);
            case "output" -> {
                if (test.equals(current)) {
                    currentOutput = record.path("output").asText("");
                }
            }
            case "finish" -> finish(test, TestOutcome.fromRecord(record), nowNanos);
            case "container" -> {
                String className = record.path("class").asText();
                for (GradedTest t : expected.values()) {
                    if (t.className().equals(className) && phase.contains(t.id()) && !t.id().equals(current)) {
                        give(t.id(), TestOutcome.fromRecord(record));
                    }
                }
            }
            case "done" -> done = true;
            default -> { }
        }
    }

    private void start(String test, long nowNanos) {
        if (current != null) {
            give(current, TestOutcome.of("CRASHED", "The test ended without a result (the test JVM reported the next"
                    + " test as started), so it got 0."));
        }
        GradedTest t = expected.get(test);
        if (t == null || verdicts.has(test)) {
            current = null;
            return;
        }
        current = test;
        currentOutput = "";
        deadlineNanos = nowNanos + (long) (options.timeLimit(t) * 1e9);
    }

    private void finish(String test, TestOutcome outcome, long nowNanos) {
        if (test.equals(current)) {
            // Read after the limit, it is too late, however early the test JVM says it finished.
            give(test, nowNanos - deadlineNanos < 0 ? outcome : timeout(test));
            current = null;
        } else if (expected.containsKey(test) && !outcome.passed()) {
            give(test, outcome); // e.g. a skipped test, reported without a start
        }
    }

    /**
     * The test whose limit has passed at {@code nowNanos}, now timed out; empty if none. The caller
     * ends the test JVM.
     */
    Optional<String> overrun(long nowNanos) {
        if (current == null || nowNanos - deadlineNanos < 0) {
            return Optional.empty();
        }
        String test = current;
        give(test, timeout(test));
        current = null;
        return Optional.of(test);
    }

    private TestOutcome timeout(String test) {
        return new TestOutcome("TIMEOUT", "", "", "", "", "", "", currentOutput, options.timeLimit(expected.get(test)));
    }

    private void give(String test, TestOutcome outcome) {
        if (verdicts.give(test, outcome)) {
            verdictsGiven++;
        }
    }

    /** The test that started and has no verdict yet, or null. */
    String current() {
        return current;
    }

    /** Whether the harness said hello (it read its input and set up the sandbox). */
    boolean hello() {
        return hello;
    }

    /** Whether the harness reported that the sandbox is on. */
    boolean sandboxed() {
        return sandboxed;
    }

    /** Whether the harness reported that every test ran. */
    boolean done() {
        return done;
    }

    /** How many verdicts this run gave. */
    int verdictsGiven() {
        return verdictsGiven;
    }

    /** When the last record was read. */
    long lastRecordNanos() {
        return lastRecordNanos;
    }
}
