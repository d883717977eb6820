package org.nnlab.curriculum.grading.child;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit's events into signed records.
 *
 * <p>A test's record says only what JUnit observed (successful, failed, aborted) and the
 * throwable's class, message and the stack frames in exercise code; the grader decides points from
 * its own plan, and keeps time itself: it starts a test's clock when it reads the test's
 * {@code start} record and ends the JVM when the limit passes, so nothing in this JVM keeps time.
 */
final class TestProgress implements TestExecutionListener {
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_FRAMES = 12;
    /** Stack frames shown to students are those of exercise code (theirs and the tests'). */
    private static final String EXERCISE_PACKAGES = "org.nnlab.exercises.";

    private final RecordWriter records;
    private final OutputCapture capture;
    private volatile String current;

    TestProgress(RecordWriter records, OutputCapture capture) {
        this.records = records;
        this.capture = capture;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        String id = idOf(test);
        if (test.isTest() && id != null) {
            capture.take();
            records.write(records.record("start").put("test", id));
            current = id;
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        String id = idOf(test);
        if (test.isTest() && id != null) {
            records.write(records.record("finish").put("test", id).put("status", "ABORTED")
                    .put("message", "skipped: " + reason).put("output", ""));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String id = idOf(test);
        if (test.isTest() && id != null) {
            current = null;
            ObjectNode record = records.record("finish").put("test", id).put("status", result.getStatus().name());
            result.getThrowable().ifPresent(t -> describe(record, t));
            record.put("output", capture.take());
            records.write(record);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                && test.getSource().orElse(null) instanceof ClassSource source) {
            ObjectNode record = records.record("container").put("class", source.getClassName());
            result.getThrowable().ifPresent(t -> describe(record, t));
            records.write(record);
        }
    }

    /**
     * Every {@code millis}, sends what the running test printed so far, so a test the grader stops
     * for its time limit still shows its output. Runs on the harness's own thread, forever.
     */
    void reportOutput(long millis) {
        while (true) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            String running = current;
            if (running != null && !capture.isEmpty()) {
                records.write(records.record("output").put("test", running).put("output", capture.peek()));
            }
        }
    }

    private static String idOf(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        return source instanceof MethodSource m ? m.getClassName() + "#" + m.getMethodName() : null;
    }

    private static void describe(ObjectNode record, Throwable t) {
        record.put("exception", t.getClass().getName()).put("message", clip(safeMessage(t)));
        // The chain down to the root cause: a static initializer's failure hides under
        // NoClassDefFoundError or inside an assertion's "unexpected exception".
        StringBuilder chain = new StringBuilder(t.getClass().getName());
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 10; depth++) {
            root = root.getCause();
            chain.append(',').append(root.getClass().getName());
        }
        record.put("chain", chain.toString());
        if (root != t) {
            record.put("cause", root.getClass().getName()).put("causeMessage", clip(safeMessage(root)));
        }
        StringBuilder frames = new StringBuilder();
        int shown = 0;
        StackTraceElement[] trace = root.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith(EXERCISE_PACKAGES) && shown < MAX_FRAMES) {
                frames.append("    at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                        .append('(').append(frame.getFileName() == null ? "Unknown Source" : frame.getFileName())
                        .append(frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "").append(")\n");
                shown++;
            }
        }
        if (trace.length > shown && shown == MAX_FRAMES) {
            frames.append("    … ").append(trace.length - shown).append(" more frames\n");
        }
        record.put("trace", frames.toString());
    }

    /** The message, or a note when a submission's own exception class fails to give one. */
    private static String safeMessage(Throwable t) {
        try {
            return String.valueOf(t.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return "(the exception's getMessage() itself threw " + e.getClass().getName() + ")";
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " …";
    }
}
