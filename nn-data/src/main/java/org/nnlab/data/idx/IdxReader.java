package org.nnlab.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format) of any element type and rank, plain or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number — two zero bytes, the {@link IdxType} code, the number
 * of dimensions {@code r} — then {@code r} big-endian 32-bit dimension sizes, then the values,
 * big-endian, row-major. Gzip is recognised by its first two bytes ({@code 1f 8b}), not by the
 * file name. The file is read once, front to back.
 *
 * <p>The header is never trusted with memory. For a plain file the size it promises is checked
 * against the file's length before anything is allocated, so a 20-byte file claiming 16 GB of
 * doubles fails at once. A gzip file or a stream has no length to check against: its values are
 * read into an array that starts at {@value #FIRST_CHUNK} bytes and at most doubles as data really
 * arrives, and after the promised values at most {@value #TRAILING_LIMIT} further bytes are
 * inflated to detect trailing data, so a lying header or a gzip bomb costs memory and time in
 * proportion to the data actually there, not to what the header claims.
 *
 * <p>Every violation is an {@link IdxFormatException} whose message names the file and the byte
 * offset (of the decompressed data, for gzip) and ends with a hint:
 * <ul>
 *   <li>{@code not an IDX file: the first two bytes must be 0x00 0x00 but are …} — bad magic;
 *   <li>{@code unknown IDX element type code 0x07 at offset 2} — the third byte is no {@link IdxType};
 *   <li>{@code dimension 2 of 3 at offset 12 is -5} — a negative size, or sizes whose product
 *       exceeds a Java array ({@code hold N values, more than a Java array can});
 *   <li>{@code truncated at offset N} — the data ends before the dimensions say it should;
 *   <li>{@code gzip stream cut short at offset N} or {@code gzip data corrupt at offset N} — the
 *       compressed stream ends early or is damaged; {@code gzip header cut short} — it ends before
 *       any compressed data;
 *   <li>{@code N trailing bytes after offset M} — the data goes on past the dimensions (for a
 *       stream, {@code more than 65536 trailing bytes}: counting stops there);
 *   <li>{@code is a directory, not an IDX file} — the path names a folder.
 * </ul>
 */
public final class IdxReader {
    private static final int BUFFER = 1 << 16;
    /** The first allocation, in bytes, for the values of a stream whose length is unknown (gzip). */
    static final int FIRST_CHUNK = 1 << 20;
    /** How many bytes past the promised values a stream is read to report trailing data. */
    static final int TRAILING_LIMIT = 1 << 16;

    private IdxReader() {
    }

    /** Reads the IDX file at {@code file}, gzip-compressed or not. */
    public static IdxArray read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IdxFormatException(file.toString(), 0, "is a directory, not an IDX file. Hint: pass the path of"
                    + " the file inside it, e.g. " + file.resolve("train-images-idx3-ubyte") + ", or load the whole"
                    + " folder with MnistDataset.load(folder).", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), Files.size(file));
        }
    }

    /**
     * Reads one IDX array from {@code in}, which must end where the array ends.
     *
     * @param source names the stream in error messages, e.g. a file or resource name
     */
    public static IdxArray read(InputStream in, String source) throws IOException {
        return read(in, source, -1);
    }

    /** As {@link #read(InputStream, String)}; {@code length} is the stream's byte count, or −1 if unknown. */
    private static IdxArray read(InputStream in, String source, long length) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(buffered, BUFFER);
            } catch (EOFException e) {
                throw new IdxFormatException(source, 0, "gzip header cut short: the file ends inside the gzip header,"
                        + " before any compressed data. Hint: the file is incomplete (an interrupted download?);"
                        + " fetch it again.", e);
            } catch (ZipException e) {
                throw new IdxFormatException(source, 0, "gzip header corrupt (" + messageOf(e) + "). Hint: the file is"
                        + " damaged; fetch it again.", e);
            }
            // No buffer on top: GZIPInputStream hands out what it inflated before it reports a cut,
            // so the offset in the message is exact.
            return new Cursor(gz, source, true, -1).readArray();
        }
        return new Cursor(buffered, source, false, length).readArray();
    }

    /** An exception's message, or its type when it has none (an EOFException usually has none). */
    private static String messageOf(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A read position in one stream: counts bytes so that every error can name its offset. */
    private static final class Cursor {
        private final InputStream in;
        private final String source;
        private final boolean gzip;
        /** The number of bytes in the stream, or −1 if unknown. */
        private final long length;
        private long offset;
        private String promise = "";

        Cursor(InputStream in, String source, boolean gzip, long length) {
            this.in = in;
            this.source = source;
            this.gzip = gzip;
            this.length = length;
        }

        IdxArray readArray() throws IOException {
            byte[] magic = new byte[4];
            fill(magic, 0, 4);
            if (magic[0] != 0 || magic[1] != 0) {
                throw fail(0, String.format("not an IDX file: the first two bytes must be 0x00 0x00 but are 0x%02X 0x%02X",
                        magic[0] & 0xFF, magic[1] & 0xFF)
                        + ". Hint: an IDX file starts with two zero bytes, the type code and the rank;"
                        + " is this really an IDX (MNIST-format) file?");
            }
            IdxType type = IdxType.fromCode(magic[2] & 0xFF).orElseThrow(() -> fail(2, String.format(
                    "unknown IDX element type code 0x%02X at offset 2; known codes are %s."
                            + " Hint: the header is corrupt, or this is not an IDX file.",
                    magic[2] & 0xFF, IdxType.knownCodes())));
            int[] dims = readDims(magic[3] & 0xFF);
            long count = IdxArray.checkedSize(dims);
            long end = offset + count * type.bytesPerElement();
            promise = "the header promises " + describe(dims) + " " + type.name().toLowerCase() + " values ("
                    + end + " bytes in all, header included)";
            if (length >= 0 && length < end) {
                throw truncated(length);
            }
            if (length > end) {
                throw trailing(end, Long.toString(length - end));
            }
            IdxArray array = readValues(type, dims, (int) count);
            requireEnd();
            return array;
        }

        private int[] readDims(int rank) throws IOException {
            int[] dims = new int[rank];
            byte[] b = new byte[4];
            long n = 1;
            for (int i = 0; i < rank; i++) {
                long at = offset;
                fill(b, 0, 4);
                dims[i] = ByteBuffer.wrap(b).getInt();
                if (dims[i] < 0) {
                    throw fail(at, "dimension " + (i + 1) + " of " + rank + " at offset " + at + " is " + dims[i]
                            + "; IDX dimensions must be >= 0. Hint: the header is corrupt; fetch the file again.");
                }
                n *= dims[i];
                if (n > Integer.MAX_VALUE - 8) {
                    throw fail(at, "dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + " (up to offset "
                            + (at + 4) + ") hold " + n + " values, more than a Java array can (" + (Integer.MAX_VALUE - 8)
                            + "). Hint: the header is corrupt, or the file must be split.");
                }
            }
            return dims;
        }

        /**
         * Reads {@code count} values into an array that grows (at most doubling) as data arrives, unless
         * the stream's length already vouched for them.
         */
        private IdxArray readValues(IdxType type, int[] dims, int count) throws IOException {
            int bpe = type.bytesPerElement();
            int capacity = length >= 0 ? count : Math.min(count, FIRST_CHUNK / bpe);
            Object values = newArray(type, capacity);
            byte[] chunk = bpe == 1 ? null : new byte[BUFFER];
            for (int done = 0; done < count; ) {
                if (done == capacity) {
                    capacity = (int) Math.min(count, 2L * capacity);
                    values = grow(values, capacity);
                }
                int n = Math.min(capacity - done, BUFFER / bpe);
                if (bpe == 1) {
                    fill((byte[]) values, done, n);
                } else {
                    fill(chunk, 0, n * bpe);
                    // Big-endian decode of n values straight into the result array.
                    ByteBuffer bb = ByteBuffer.wrap(chunk, 0, n * bpe).order(ByteOrder.BIG_ENDIAN);
                    switch (type) {
                        case SHORT -> bb.asShortBuffer().get((short[]) values, done, n);
                        case INT -> bb.asIntBuffer().get((int[]) values, done, n);
                        case FLOAT -> bb.asFloatBuffer().get((float[]) values, done, n);
                        default -> bb.asDoubleBuffer().get((double[]) values, done, n);
                    }
                }
                done += n;
            }
            return switch (type) {
                case UNSIGNED_BYTE -> IdxArray.ofUnsignedBytes((byte[]) values, dims);
                case BYTE -> IdxArray.ofBytes((byte[]) values, dims);
                case SHORT -> IdxArray.ofShorts((short[]) values, dims);
                case INT -> IdxArray.ofInts((int[]) values, dims);
                case FLOAT -> IdxArray.ofFloats((float[]) values, dims);
                default -> IdxArray.ofDoubles((double[]) values, dims);
            };
        }

        private static Object newArray(IdxType type, int count) {
            return switch (type) {
                case UNSIGNED_BYTE, BYTE -> new byte[count];
                case SHORT -> new short[count];
                case INT -> new int[count];
                case FLOAT -> new float[count];
                default -> new double[count];
            };
        }

        private static Object grow(Object values, int capacity) {
            if (values instanceof byte[] b) {
                return Arrays.copyOf(b, capacity);
            } else if (values instanceof short[] s) {
                return Arrays.copyOf(s, capacity);
            } else if (values instanceof int[] i) {
                return Arrays.copyOf(i, capacity);
            } else if (values instanceof float[] f) {
                return Arrays.copyOf(f, capacity);
            }
            return Arrays.copyOf((double[]) values, capacity);
        }

        /** Reads exactly {@code len} bytes or fails naming the offset where the data ran out. */
        private void fill(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                int r;
                try {
                    r = in.read(b, off + done, len - done);
                } catch (EOFException | ZipException e) {
                    offset += done;
                    throw gzipFailure(e);
                }
                if (r < 0) {
                    offset += done;
                    throw truncated(offset);
                }
                done += r;
            }
            offset += len;
        }

        private IdxFormatException truncated(long at) {
            return fail(at, "truncated at offset " + at + ": " + (promise.isEmpty()
                    ? "the file ends inside the header" : promise + " but the data ends after " + at + " bytes")
                    + ". Hint: the file is incomplete (an interrupted download or copy?); fetch it again.");
        }

        private IdxFormatException trailing(long end, String extra) {
            return fail(end, extra + " trailing bytes after offset " + end + ": " + promise
                    + ", which end there. Hint: the dimensions in the header do not match the data;"
                    + " the file is corrupt or was written by a faulty tool.");
        }

        /** Fails if the stream goes on; reads at most {@value #TRAILING_LIMIT} + 1 bytes to find out. */
        private void requireEnd() throws IOException {
            long end = offset;
            int extra = 0;
            try {
                byte[] skip = new byte[BUFFER];
                for (int r; extra <= TRAILING_LIMIT && (r = in.read(skip, 0, Math.min(skip.length,
                        TRAILING_LIMIT + 1 - extra))) >= 0; ) {
                    extra += r;
                }
            } catch (EOFException | ZipException e) {
                offset = end + extra;
                throw gzipFailure(e);
            }
            if (extra > TRAILING_LIMIT) {
                throw trailing(end, "more than " + TRAILING_LIMIT);
            }
            if (extra > 0) {
                throw trailing(end, Integer.toString(extra));
            }
        }

        private IdxFormatException gzipFailure(IOException e) {
            String what = e instanceof EOFException ? "gzip stream cut short" : "gzip data corrupt";
            return new IdxFormatException(source, offset, what + " at offset " + offset + " of the decompressed data ("
                    + messageOf(e) + ")" + (promise.isEmpty() ? "" : "; " + promise)
                    + ". Hint: the file is incomplete or damaged (an interrupted download?); fetch it again.", e);
        }

        private IdxFormatException fail(long at, String message) {
            String where = "offset " + at;
            return new IdxFormatException(source, at, gzip ? message.replaceFirst(Pattern.quote(where) + "\\b",
                    where + " of the decompressed data") : message, null);
        }

        private static String describe(int[] dims) {
            if (dims.length == 0) {
                return "1 (a scalar)";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < dims.length; i++) {
                sb.append(i == 0 ? "" : " × ").append(dims[i]);
            }
            return sb.toString();
        }
    }
}
