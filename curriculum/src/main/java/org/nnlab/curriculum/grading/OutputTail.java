package org.nnlab.curriculum.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last bytes a test JVM printed on one stream, kept in memory while the rest is read and dropped.
 *
 * <p>A submission may print without end (a loop, a thread started by a static initializer); written
 * to a file, that output would fill the grading machine's disk. A daemon thread reads the stream as
 * fast as it comes and keeps only its last {@link #KEPT} bytes, all the grader shows for diagnosis.
 */
final class OutputTail {
    /** Bytes kept: the tail the grader's messages quote. */
    static final int KEPT = 4000;

    private final byte[] ring = new byte[KEPT];
    private final Thread reader;
    private long total;

    /** Starts reading {@code stream} until it ends. */
    OutputTail(InputStream stream, String name) {
        reader = new Thread(() -> drain(stream), name);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                keep(buffer, n);
            }
        } catch (IOException e) {
            // The stream broke when the JVM was killed: what was read so far is the tail.
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        int skipped = Math.max(0, n - KEPT);
        total += skipped;
        for (int i = skipped; i < n; i++) {
            ring[(int) (total++ % KEPT)] = buffer[i];
        }
    }

    /**
     * The last {@link #KEPT} bytes printed (Latin-1, as any byte maps to a character), after the stream
     * has ended or {@code waitMillis} have passed.
     */
    String tail(long waitMillis) throws InterruptedException {
        reader.join(waitMillis);
        synchronized (this) {
            int kept = (int) Math.min(total, KEPT);
            byte[] out = new byte[kept];
            for (int i = 0; i < kept; i++) {
                out[i] = ring[(int) ((total - kept + i) % KEPT)];
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }
}
