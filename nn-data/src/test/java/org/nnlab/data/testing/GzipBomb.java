package org.nnlab.data.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.Deflater;

/**
 * A gzip stream whose first bytes inflate to a given prefix and the rest to as many zeros as asked,
 * built without compressing them: one deflate block of 1 MiB of zeros, ended by a sync flush, is
 * repeated (it only refers back to its own zeros, so every copy inflates the same).
 */
public final class GzipBomb {
    private static final int MIB = 1 << 20;

    private GzipBomb() {
    }

    /** A gzip stream of {@code prefix} and then {@code mebibytes} MiB of zeros, without a trailer. */
    public static InputStream of(byte[] prefix, int mebibytes) {
        byte[] head = concat(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, syncFlushed(prefix));
        byte[] zeros = syncFlushed(new byte[MIB]);
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream(head));
        for (int i = 0; i < mebibytes; i++) {
            parts.add(new ByteArrayInputStream(zeros));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** The compressed size of one MiB of zeros, for tests that count consumed bytes. */
    public static int bytesPerMebibyte() {
        return syncFlushed(new byte[MIB]).length;
    }

    private static byte[] syncFlushed(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
        } while (n == buf.length);
        d.end();
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Counts the bytes read through it. */
    public static final class Counting extends java.io.FilterInputStream {
        private long count;

        /** Counts what is read from {@code in}. */
        public Counting(InputStream in) {
            super(in);
        }

        /** The bytes read so far. */
        public long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
