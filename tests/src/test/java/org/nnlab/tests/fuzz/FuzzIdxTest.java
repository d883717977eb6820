package org.nnlab.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nnlab.data.idx.IdxArray;
import org.nnlab.data.idx.IdxFormatException;
import org.nnlab.data.idx.IdxReader;
import org.nnlab.data.idx.IdxType;

/**
 * Mutated IDX and IDX.gz files: each loads exactly what its bytes say, or fails with an
 * {@link IdxFormatException}, in bounded memory and time (see {@link Trials}).
 */
class FuzzIdxTest {
    static final int PLAIN_CASES = 3000;
    static final int GZIP_CASES = 3000;
    private static final List<byte[]> SEEDS = new ArrayList<>();

    @BeforeAll
    static void validFiles() {
        SplittableRandom rng = new SplittableRandom(14);
        SEEDS.add(encode(IdxType.UNSIGNED_BYTE, new int[] {5, 4, 3}, rng));
        SEEDS.add(encode(IdxType.UNSIGNED_BYTE, new int[] {12}, rng));
        SEEDS.add(encode(IdxType.BYTE, new int[] {2, 2, 2, 2}, rng));
        SEEDS.add(encode(IdxType.SHORT, new int[] {7, 3}, rng));
        SEEDS.add(encode(IdxType.INT, new int[] {9}, rng));
        SEEDS.add(encode(IdxType.FLOAT, new int[] {3, 5}, rng));
        SEEDS.add(encode(IdxType.DOUBLE, new int[] {4, 2}, rng));
        SEEDS.add(encode(IdxType.DOUBLE, new int[] {}, rng));
        SEEDS.add(encode(IdxType.UNSIGNED_BYTE, new int[] {0, 28, 28}, rng));
    }

    /** The IDX bytes of an array of {@code type} and {@code dims} with random values. */
    private static byte[] encode(IdxType type, int[] dims, SplittableRandom rng) {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + (int) n * type.bytesPerElement());
        b.put(new byte[] {0, 0, (byte) type.code(), (byte) dims.length});
        for (int d : dims) {
            b.putInt(d);
        }
        while (b.hasRemaining()) {
            b.put((byte) rng.nextInt(256));
        }
        return b.array();
    }

    /** The IDX bytes of a loaded array, to compare with the input it came from. */
    private static byte[] encode(IdxArray a) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * a.rank() + a.size() * a.type().bytesPerElement());
        b.put(new byte[] {0, 0, (byte) a.type().code(), (byte) a.rank()});
        for (int d : a.dims()) {
            b.putInt(d);
        }
        switch (a.type()) {
            case UNSIGNED_BYTE, BYTE -> b.put(a.bytes());
            case SHORT -> b.asShortBuffer().put(a.shorts());
            case INT -> b.asIntBuffer().put(a.ints());
            case FLOAT -> b.asFloatBuffer().put(a.floats());
            default -> b.asDoubleBuffer().put(a.doubles());
        }
        return b.array();
    }

    /** A plain mutation; a third of them forge a header size field. */
    private static byte[] mutatePlain(Mutator m, byte[] seed) {
        if (m.chance(0.33) && seed.length >= 8) {
            int field = 1 + m.nextInt(Math.max(1, seed[3]));
            byte[] forged = m.inflateSize(seed, Math.min(4 * field, seed.length - 4));
            return m.chance(0.5) ? forged : m.mutateBytes(forged, m.pick(SEEDS));
        }
        return m.mutateBytes(seed, m.pick(SEEDS));
    }

    private static Scratch scratch;

    @BeforeAll
    static void scratchFolder() {
        scratch = new Scratch();
    }

    @AfterAll
    static void deleteScratchFolder() throws IOException {
        scratch.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedPlainFilesLoadWhatTheySayOrFailTyped() throws IOException {
        Trials trials = new Trials("IDX", IdxFormatException.class);
        for (int c = 0; c < PLAIN_CASES; c++) {
            Mutator m = new Mutator(c);
            byte[] input = mutatePlain(m, m.pick(SEEDS));
            Path file = scratch.write(input, ".idx");
            // Half through the file (its length known), half through a stream (length unknown).
            boolean viaPath = c % 2 == 0;
            trials.run(c, m, () -> viaPath ? IdxReader.read(file) : IdxReader.read(new ByteArrayInputStream(input), "s"),
                    a -> assertArrayEquals(input, encode(a), "a load must hold exactly the file's values"));
        }
        trials.requireVariety(100, 8);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedGzipFilesLoadWhatTheyInflateToOrFailTyped() throws IOException {
        Trials trials = new Trials("IDX.gz", IdxFormatException.class);
        for (int c = 0; c < GZIP_CASES; c++) {
            Mutator m = new Mutator(1_000_000L + c);
            byte[] seed = m.pick(SEEDS);
            byte[] input;
            int kind = m.nextInt(10);
            if (kind < 5) {
                m.note("mutate, then gzip");
                input = gzip(mutatePlain(m, seed));
            } else if (kind < 9) {
                m.note("gzip, then mutate");
                input = m.mutateBytes(gzip(seed), gzip(m.pick(SEEDS)));
            } else {
                // The header promises only the seed's values: the 1 GiB of zeros after them are trailing data.
                m.note("gzip bomb after the data");
                GzipStream bomb = new GzipStream(seed, 1024);
                trials.run(c, m, () -> IdxReader.read(bomb, "bomb.gz"), a -> {
                });
                assertTrue(bomb.read < 1 << 20, "case " + c + " read " + bomb.read + " of " + bomb.total
                        + " compressed bytes of a 1 GiB bomb");
                continue;
            }
            Path file = scratch.write(input, ".idx.gz");
            boolean viaPath = c % 2 == 0;
            trials.run(c, m, () -> viaPath ? IdxReader.read(file) : IdxReader.read(new ByteArrayInputStream(input), "s"),
                    a -> assertArrayEquals(gunzip(input), encode(a), "a load must hold exactly the inflated values"));
        }
        trials.requireVariety(100, 12);
    }

    private static byte[] gzip(byte[] plain) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(plain);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("IdxReader loaded a gzip stream that GZIPInputStream rejects", e);
        }
    }

    /**
     * A gzip stream of a prefix and then {@code mebibytes} MiB of zeros, without compressing them:
     * one sync-flushed deflate block of 1 MiB of zeros, which refers only to its own bytes, repeated.
     * Counts the compressed bytes read.
     */
    private static final class GzipStream extends InputStream {
        private static final byte[] ZEROS = deflate(new byte[1 << 20]);
        private final InputStream in;
        private final long total;
        private long read;

        GzipStream(byte[] prefix, int mebibytes) {
            List<InputStream> parts = new ArrayList<>();
            byte[] head = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
            byte[] body = deflate(prefix);
            parts.add(new ByteArrayInputStream(head));
            parts.add(new ByteArrayInputStream(body));
            for (int i = 0; i < mebibytes; i++) {
                parts.add(new ByteArrayInputStream(ZEROS));
            }
            this.in = new SequenceInputStream(Collections.enumeration(parts));
            this.total = head.length + body.length + (long) mebibytes * ZEROS.length;
        }

        private static byte[] deflate(byte[] data) {
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

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
