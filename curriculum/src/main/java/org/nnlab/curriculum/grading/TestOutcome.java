package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What happened to one graded test, as observed by the harness or, after a crash, by the grader.
 *
 * @param status {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED}, {@code TIMEOUT},
 *     {@code CRASHED} (the test JVM died during the test) or {@code NOT_RUN}
 * @param exception the class of the throwable, or empty
 * @param message its message, or empty
 * @param chain the classes of the throwable and its causes, comma-separated, or empty
 * @param cause the class of its root cause, or empty
 * @param causeMessage the root cause's message, or empty
 * @param trace stack frames in exercise code, one per line, or empty
 * @param output what the test printed (captured, capped)
 * @param timeoutSeconds the limit that was exceeded, for {@code TIMEOUT}
 */
public record TestOutcome(String status, String exception, String message, String chain, String cause,
                          String causeMessage,
                          String trace, String output, double timeoutSeconds) {

    /** Whether JUnit reported the test successful: the only outcome that earns points. */
    public boolean passed() {
        return status.equals("SUCCESSFUL");
    }

    /** This outcome with {@code f} applied to every text: message, causes, trace and output. */
    TestOutcome mapText(java.util.function.UnaryOperator<String> f) {
        return new TestOutcome(status, exception, f.apply(message), chain, cause, f.apply(causeMessage), f.apply(trace),
                f.apply(output), timeoutSeconds);
    }

    /** An outcome without a throwable, e.g. a crash the grader explains in {@code message}. */
    public static TestOutcome of(String status, String message) {
        return new TestOutcome(status, "", message, "", "", "", "", "", 0);
    }

    /** The outcome a signed {@code finish} or {@code container} record describes. */
    static TestOutcome fromRecord(JsonNode record) {
        return new TestOutcome(text(record, "status", "FAILED"), text(record, "exception", ""),
                text(record, "message", ""), text(record, "chain", ""), text(record, "cause", ""), text(record, "causeMessage", ""),
                text(record, "trace", ""), text(record, "output", ""), record.path("seconds").asDouble(0));
    }

    private static String text(JsonNode record, String field, String otherwise) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
