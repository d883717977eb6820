package org.nnlab.curriculum.grading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One line of the results channel from the test JVM to the grader: an HMAC-SHA256 tag, a space,
 * and a JSON record.
 *
 * <p>The key is 32 random bytes the grader makes for each run and hands to the test JVM on its
 * standard input, which the harness reads to the end before any submitted class is loaded. A
 * submission that prints, or even writes into the channel, cannot produce a line whose tag
 * verifies, so the grader ignores it.
 */
public final class SignedRecord {
    private static final HexFormat HEX = HexFormat.of();

    private SignedRecord() {
    }

    /** The line for {@code json} under {@code key}: {@code tag json}. */
    public static String sign(byte[] key, String json) {
        return HEX.formatHex(tag(key, json)) + " " + json;
    }

    /** The JSON of {@code line} if its tag verifies under {@code key}; empty for a forged or torn line. */
    public static Optional<String> verify(byte[] key, String line) {
        int space = line.indexOf(' ');
        if (space != 64) {
            return Optional.empty();
        }
        byte[] claimed;
        try {
            claimed = HEX.parseHex(line, 0, space);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String json = line.substring(space + 1);
        return MessageDigest.isEqual(claimed, tag(key, json)) ? Optional.of(json) : Optional.empty();
    }

    private static byte[] tag(byte[] key, String json) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
