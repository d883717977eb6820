package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedRecordTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void signedLineVerifiesToItsJson() {
        String line = SignedRecord.sign(KEY, "{\"event\":\"done\"}");
        assertEquals(Optional.of("{\"event\":\"done\"}"), SignedRecord.verify(KEY, line));
    }

    @Test
    void alteredJsonOrOtherKeyDoesNotVerify() {
        String line = SignedRecord.sign(KEY, "{\"status\":\"FAILED\"}");
        assertTrue(SignedRecord.verify(KEY, line.replace("FAILED", "SUCCESSFUL")).isEmpty());
        assertTrue(SignedRecord.verify("another key of thirty-two bytes!".getBytes(), line).isEmpty());
    }

    @Test
    void printedOrTornLinesDoNotVerify() {
        assertTrue(SignedRecord.verify(KEY, "{\"event\":\"finish\",\"status\":\"SUCCESSFUL\"}").isEmpty());
        assertTrue(SignedRecord.verify(KEY, "zz".repeat(32) + " {}").isEmpty());
        assertTrue(SignedRecord.verify(KEY, SignedRecord.sign(KEY, "{}").substring(0, 40)).isEmpty());
    }
}
