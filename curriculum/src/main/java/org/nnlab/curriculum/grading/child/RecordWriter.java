package org.nnlab.curriculum.grading.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.nnlab.curriculum.grading.SignedRecord;

/**
 * Writes signed records to the results channel, one flushed line each, numbered in order.
 *
 * <p>Held only by the harness (never in a static field), so a submission has no reference to it.
 */
final class RecordWriter {
    private final OutputStream out;
    private final byte[] key;
    private final ObjectMapper json = new ObjectMapper();
    private int sequence;

    RecordWriter(OutputStream out, byte[] key) {
        this.out = out;
        this.key = key.clone();
    }

    /** A new record of {@code event}; fill it, then {@link #write} it. */
    ObjectNode record(String event) {
        return json.createObjectNode().put("event", event);
    }

    /** Signs and writes one record, with its sequence number. */
    synchronized void write(ObjectNode record) {
        record.put("seq", sequence++);
        try {
            out.write((SignedRecord.sign(key, json.writeValueAsString(record)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the grader's results channel", e);
        }
    }
}
