package org.nnlab.data.idx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.nnlab.core.io.AtomicFile;

/**
 * Writes IDX files, plain or gzip-compressed, atomically.
 *
 * <p>The array is written to a temporary file in the target's folder, which is then moved over the
 * target, so a reader never sees a half-written file and a failed write leaves any old file intact.
 * The layout is the one {@link IdxReader} reads: magic {@code 00 00 type rank}, big-endian
 * dimensions, big-endian values.
 */
public final class IdxWriter {
    /** Whether to gzip the file. */
    public enum Compression {
        /** Plain IDX bytes. */
        NONE,
        /** Gzip-compressed IDX bytes, as MNIST is distributed. */
        GZIP
    }

    private static final int BUFFER = 1 << 16;

    private IdxWriter() {
    }

    /** Writes {@code array} to {@code file}, gzip-compressed if the file name ends in {@code .gz}. */
    public static void write(IdxArray array, Path file) throws IOException {
        write(array, file, file.getFileName().toString().endsWith(".gz") ? Compression.GZIP : Compression.NONE);
    }

    /** Writes {@code array} to {@code file} with the given compression, replacing any existing file. */
    public static void write(IdxArray array, Path file, Compression compression) throws IOException {
        AtomicFile.write(file, raw -> {
            if (compression == Compression.GZIP) {
                GZIPOutputStream gz = new GZIPOutputStream(raw, BUFFER);
                write(array, gz);
                gz.finish();
            } else {
                write(array, raw);
            }
        });
    }

    /** Writes {@code array} as IDX bytes to {@code out}, which stays open. */
    public static void write(IdxArray array, OutputStream out) throws IOException {
        int rank = array.rank();
        if (rank > 255) {
            throw new IllegalArgumentException("IDX stores the rank in one byte, so at most 255 dimensions; got " + rank);
        }
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * rank).order(ByteOrder.BIG_ENDIAN);
        header.put((byte) 0).put((byte) 0).put((byte) array.type().code()).put((byte) rank);
        for (int d : array.dims()) {
            header.putInt(d);
        }
        out.write(header.array());
        IdxType type = array.type();
        if (type == IdxType.UNSIGNED_BYTE || type == IdxType.BYTE) {
            out.write(array.bytes());
            return;
        }
        int bpe = type.bytesPerElement();
        int count = array.size();
        byte[] chunk = new byte[BUFFER];
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, BUFFER / bpe);
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, n * bpe).order(ByteOrder.BIG_ENDIAN);
            switch (type) {
                case SHORT -> bb.asShortBuffer().put(array.shorts(), done, n);
                case INT -> bb.asIntBuffer().put(array.ints(), done, n);
                case FLOAT -> bb.asFloatBuffer().put(array.floats(), done, n);
                default -> bb.asDoubleBuffer().put(array.doubles(), done, n);
            }
            out.write(chunk, 0, n * bpe);
            done += n;
        }
    }
}
