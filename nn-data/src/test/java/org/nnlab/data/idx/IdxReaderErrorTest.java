package org.nnlab.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.data.testing.Allocation;
import org.nnlab.data.testing.GzipBomb;

class IdxReaderErrorTest {
    @TempDir
    Path dir;

    /** Ten unsigned bytes 0..9 in a rank-1 IDX file: 8 header bytes + 10 data bytes. */
    private static byte[] tenBytes() {
        byte[] b = new byte[18];
        b[2] = 0x08;
        b[3] = 1;
        b[7] = 10;
        for (int i = 0; i < 10; i++) {
            b[8 + i] = (byte) i;
        }
        return b;
    }

    private IdxFormatException failure(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return assertThrows(IdxFormatException.class, () -> IdxReader.read(file));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        return bos.toByteArray();
    }

    @Test
    void rejectsABadMagicNumberNamingFileAndBytes() throws IOException {
        byte[] b = tenBytes();
        b[0] = 0x50;
        b[1] = 0x4B;
        IdxFormatException e = failure("zip.idx", b);
        assertTrue(e.getMessage().startsWith(dir.resolve("zip.idx") + ": not an IDX file: the first two bytes must be"
                + " 0x00 0x00 but are 0x50 0x4B."), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void rejectsAnUnknownTypeCodeListingTheKnownOnes() throws IOException {
        byte[] b = tenBytes();
        b[2] = 0x07;
        IdxFormatException e = failure("t.idx", b);
        assertTrue(e.getMessage().contains("unknown IDX element type code 0x07 at offset 2; known codes are 0x08"
                + " (unsigned_byte), 0x09 (byte), 0x0B (short), 0x0C (int), 0x0D (float), 0x0E (double)"), e.getMessage());
        assertEquals(2, e.offset());
    }

    @Test
    void rejectsANegativeDimensionAtItsOffset() throws IOException {
        byte[] b = {0, 0, 0x08, 2, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFB};
        IdxFormatException e = failure("neg.idx", b);
        assertTrue(e.getMessage().contains("dimension 2 of 2 at offset 8 is -5; IDX dimensions must be >= 0"), e.getMessage());
        assertEquals(8, e.offset());
    }

    @Test
    void rejectsDimensionsTooLargeForAJavaArray() throws IOException {
        byte[] b = {0, 0, 0x08, 2, 0, 1, 0, 0, 0, 1, 0, 0};
        IdxFormatException e = failure("big.idx", b);
        assertTrue(e.getMessage().contains("dimensions [65536, 65536] (up to offset 12) hold 4294967296 values,"
                + " more than a Java array can"), e.getMessage());
    }

    @Test
    void rejectsAFileShorterThanItsDimensions() throws IOException {
        IdxFormatException e = failure("short.idx", Arrays.copyOf(tenBytes(), 13));
        assertTrue(e.getMessage().contains("truncated at offset 13: the header promises 10 unsigned_byte values"
                + " (18 bytes in all, header included) but the data ends after 13 bytes."), e.getMessage());
        assertEquals(13, e.offset());
    }

    @Test
    void rejectsAFileThatEndsInsideItsHeader() throws IOException {
        IdxFormatException e = failure("header.idx", Arrays.copyOf(tenBytes(), 6));
        assertTrue(e.getMessage().contains("truncated at offset 6: the file ends inside the header"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytesAfterTheDimensions() throws IOException {
        IdxFormatException e = failure("long.idx", Arrays.copyOf(tenBytes(), 20));
        assertTrue(e.getMessage().contains("2 trailing bytes after offset 18: the header promises 10 unsigned_byte"
                + " values (18 bytes in all, header included), which end there."), e.getMessage());
        assertEquals(18, e.offset());
    }

    @Test
    void reportsOffsetsOfTheDecompressedDataForGzipFiles() throws IOException {
        IdxFormatException e = failure("short.idx.gz", gzip(Arrays.copyOf(tenBytes(), 13)));
        assertTrue(e.getMessage().contains("truncated at offset 13 of the decompressed data: the header promises"), e.getMessage());
    }

    @Test
    void rejectsAGzipStreamCutShortInItsData() throws IOException {
        byte[] big = new byte[8 + 100_000];
        big[2] = 0x08;
        big[3] = 1;
        big[5] = 0x01;
        big[6] = (byte) 0x86;
        big[7] = (byte) 0xA0;
        new java.util.SplittableRandom(1).nextBytes(big);
        System.arraycopy(new byte[] {0, 0, 0x08, 1, 0, 1, (byte) 0x86, (byte) 0xA0}, 0, big, 0, 8);
        byte[] gz = gzip(big);
        IdxFormatException e = failure("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        assertTrue(e.getMessage().contains("gzip stream cut short at offset " + e.offset() + " of the decompressed data"
                + " (Unexpected end of ZLIB input stream); the header promises 100000 unsigned_byte values"), e.getMessage());
        assertTrue(e.offset() > 8 && e.offset() < big.length, "offset " + e.offset());
    }

    @Test
    void rejectsAGzipStreamThatLostItsTrailer() throws IOException {
        byte[] gz = gzip(tenBytes());
        IdxFormatException e = failure("notrailer.gz", Arrays.copyOf(gz, gz.length - 8));
        assertTrue(e.getMessage().contains("gzip stream cut short at offset 18 of the decompressed data"), e.getMessage());
    }

    @Test
    void rejectsAGzipStreamWithABadChecksum() throws IOException {
        byte[] gz = gzip(tenBytes());
        gz[gz.length - 8] ^= 1;
        IdxFormatException e = failure("crc.gz", gz);
        assertTrue(e.getMessage().contains("gzip data corrupt at offset 18 of the decompressed data (Corrupt GZIP trailer)"),
                e.getMessage());
    }

    @Test
    void rejectsAGzipStreamCutInsideItsHeaderWithoutPrintingNull() throws IOException {
        IdxFormatException e = failure("stub.gz", Arrays.copyOf(gzip(tenBytes()), 5));
        assertEquals(dir.resolve("stub.gz") + ": gzip header cut short: the file ends inside the gzip header, before"
                + " any compressed data. Hint: the file is incomplete (an interrupted download?); fetch it again.",
                e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void rejectsAGzipHeaderWithAnUnknownCompressionMethod() throws IOException {
        byte[] gz = gzip(tenBytes());
        gz[2] = 7;
        IdxFormatException e = failure("method.gz", gz);
        assertTrue(e.getMessage().contains("gzip header corrupt (Unsupported compression method)"), e.getMessage());
    }

    /** A plain header of {@code type} and {@code dims}, followed by {@code data} bytes of zeros. */
    private static byte[] header(int type, int[] dims, int data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data);
        b.put(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    @Test
    void aTwentyByteFileClaimingSixteenGigabytesOfDoublesFailsBeforeAllocating() throws IOException {
        // 46340 × 46340 doubles = 17 GB; the file has 8 data bytes.
        Path file = dir.resolve("forged.idx");
        Files.write(file, header(0x0E, new int[] {46340, 46340}, 8));
        IdxFormatException[] e = new IdxFormatException[1];
        long bytes = Allocation.bytes(() -> IdxReader.read(file), x -> e[0] = (IdxFormatException) x);
        assertEquals(file + ": truncated at offset 20: the header promises 46340 × 46340 double values (17179164812"
                + " bytes in all, header included) but the data ends after 20 bytes. Hint: the file is incomplete (an"
                + " interrupted download or copy?); fetch it again.", e[0].getMessage());
        assertEquals(20, e[0].offset());
        assertTrue(bytes < 1 << 20, bytes + " bytes allocated");
    }

    @Test
    void aTwentyByteFileClaimingFourGigabytesOfFloatsFailsBeforeAllocating() throws IOException {
        Path file = dir.resolve("floats.idx");
        Files.write(file, header(0x0D, new int[] {1 << 15, 1 << 15}, 8));
        IdxFormatException[] e = new IdxFormatException[1];
        long bytes = Allocation.bytes(() -> IdxReader.read(file), x -> e[0] = (IdxFormatException) x);
        assertTrue(e[0].getMessage().contains("truncated at offset 20: the header promises 32768 × 32768 float values"
                + " (4294967308 bytes in all, header included)"), e[0].getMessage());
        assertTrue(bytes < 1 << 20, bytes + " bytes allocated");
    }

    @Test
    void aThirtyByteGzipClaimingEightGigabytesOfIntsFailsInBoundedMemory() throws IOException {
        byte[] gz = gzip(header(0x0C, new int[] {Integer.MAX_VALUE - 8}, 2));
        assertTrue(gz.length < 40, gz.length + " bytes");
        Path file = dir.resolve("forged.idx.gz");
        Files.write(file, gz);
        IdxFormatException[] e = new IdxFormatException[1];
        long bytes = Allocation.bytes(() -> IdxReader.read(file), x -> e[0] = (IdxFormatException) x);
        assertTrue(e[0].getMessage().contains("truncated at offset 10 of the decompressed data: the header promises"
                + " 2147483639 int values (8589934564 bytes in all, header included) but the data ends after 10 bytes"),
                e[0].getMessage());
        assertTrue(bytes < 4 << 20, bytes + " bytes allocated for a stream holding 10 bytes");
    }

    @Test
    void aGzipBombIsNotInflatedToTheEndToCountItsTrailingBytes() throws IOException {
        GzipBomb.Counting in = new GzipBomb.Counting(GzipBomb.of(tenBytes(), 1024));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(in, "bomb.gz"));
        assertEquals("bomb.gz: more than 65536 trailing bytes after offset 18 of the decompressed data: the header"
                + " promises 10 unsigned_byte values (18 bytes in all, header included), which end there. Hint: the"
                + " dimensions in the header do not match the data; the file is corrupt or was written by a faulty"
                + " tool.", e.getMessage());
        // 1 GiB of zeros behind the data; the reader stops within a few buffers of the promised end.
        long total = 1024L * GzipBomb.bytesPerMebibyte();
        assertTrue(in.count() < 256 * 1024 && in.count() < total / 4, in.count() + " of " + total + " bytes read");
    }

    @Test
    void countsAFewTrailingBytesOfAStreamExactly() throws IOException {
        byte[] b = Arrays.copyOf(tenBytes(), 21);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(b), "s"));
        assertTrue(e.getMessage().startsWith("s: 3 trailing bytes after offset 18:"), e.getMessage());
    }

    @Test
    void readsAGzipFileLargerThanTheFirstChunkExactly() throws IOException {
        float[] v = new float[(3 << 20) / 4 + 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f;
        }
        IdxArray a = IdxArray.ofFloats(v, 5, v.length / 5);
        Path file = dir.resolve("big.idx.gz");
        IdxWriter.write(a, file);
        assertEquals(a, IdxReader.read(file));
    }

    @Test
    void namesADirectoryInsteadOfFailingToReadIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("train-images-idx3-ubyte"));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.read(folder));
        assertTrue(e.getMessage().startsWith(folder + ": is a directory, not an IDX file. Hint: pass the path of the"
                + " file inside it"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        IdxFormatException e = failure("empty.idx", new byte[0]);
        assertTrue(e.getMessage().contains("truncated at offset 0: the file ends inside the header"), e.getMessage());
    }
}
