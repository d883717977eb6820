package org.nnlab.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdxRoundTripTest {
    @TempDir
    Path dir;

    static IdxArray randomArray(IdxType type, int[] dims, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        switch (type) {
            case UNSIGNED_BYTE, BYTE -> {
                byte[] v = new byte[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (byte) rnd.nextInt(256);
                }
                return type == IdxType.UNSIGNED_BYTE ? IdxArray.ofUnsignedBytes(v, dims) : IdxArray.ofBytes(v, dims);
            }
            case SHORT -> {
                short[] v = new short[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (short) rnd.nextInt(65536);
                }
                return IdxArray.ofShorts(v, dims);
            }
            case INT -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextInt();
                }
                if (n > 1) {
                    v[0] = Integer.MIN_VALUE;
                    v[1] = Integer.MAX_VALUE;
                }
                return IdxArray.ofInts(v, dims);
            }
            case FLOAT -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (rnd.nextGaussian() * 1e3);
                }
                if (n > 2) {
                    v[0] = Float.NaN;
                    v[1] = Float.NEGATIVE_INFINITY;
                    v[2] = -0.0f;
                }
                return IdxArray.ofFloats(v, dims);
            }
            default -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rnd.nextGaussian() * 1e-3;
                }
                if (n > 2) {
                    v[0] = Double.NaN;
                    v[1] = Double.MAX_VALUE;
                    v[2] = Double.MIN_VALUE;
                }
                return IdxArray.ofDoubles(v, dims);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IdxType.class)
    void readsBackEveryRankPlainAndGzipped(IdxType type) throws IOException {
        int[][] shapes = {{7}, {3, 5}, {2, 3, 4}, {2, 1, 3, 5}, {20000}};
        for (int[] dims : shapes) {
            IdxArray a = randomArray(type, dims, dims.length * 31L + type.code());
            for (IdxWriter.Compression c : IdxWriter.Compression.values()) {
                Path file = dir.resolve(type + "-" + dims.length + "-" + c + ".idx");
                IdxWriter.write(a, file, c);
                IdxArray back = IdxReader.read(file);
                assertEquals(a, back, () -> "round trip of " + a + " with " + c);
                assertArrayEquals(dims, back.dims());
            }
        }
    }

    @Test
    void writesTheMagicNumberAndBigEndianValues() throws IOException {
        Path file = dir.resolve("s.idx");
        IdxWriter.write(IdxArray.ofShorts(new short[] {1, -2}, 2), file, IdxWriter.Compression.NONE);
        assertArrayEquals(new byte[] {0, 0, 0x0B, 1, 0, 0, 0, 2, 0, 1, (byte) 0xFF, (byte) 0xFE}, Files.readAllBytes(file));
    }

    @Test
    void detectsGzipFromTheBytesNotTheFileName() throws IOException {
        IdxArray a = randomArray(IdxType.FLOAT, new int[] {4, 4}, 1);
        Path gzipWithoutSuffix = dir.resolve("data.idx");
        Path plainWithSuffix = dir.resolve("data.idx.gz");
        IdxWriter.write(a, gzipWithoutSuffix, IdxWriter.Compression.GZIP);
        IdxWriter.write(a, plainWithSuffix, IdxWriter.Compression.NONE);
        assertEquals(0x1f, Files.readAllBytes(gzipWithoutSuffix)[0] & 0xFF);
        assertEquals(0, Files.readAllBytes(plainWithSuffix)[0]);
        assertEquals(a, IdxReader.read(gzipWithoutSuffix));
        assertEquals(a, IdxReader.read(plainWithSuffix));
    }

    @Test
    void choosesGzipFromTheSuffixWhenWritingWithoutACompression() throws IOException {
        IdxArray a = randomArray(IdxType.INT, new int[] {3}, 2);
        Path gz = dir.resolve("a.gz");
        IdxWriter.write(a, gz);
        assertEquals(0x8b, Files.readAllBytes(gz)[1] & 0xFF);
        assertEquals(a, IdxReader.read(gz));
    }

    @Test
    void readsAScalarOfRankZero() throws IOException {
        Path file = dir.resolve("scalar.idx");
        IdxArray a = IdxArray.ofDoubles(new double[] {Math.PI});
        IdxWriter.write(a, file, IdxWriter.Compression.NONE);
        IdxArray back = IdxReader.read(file);
        assertEquals(0, back.rank());
        assertEquals(Math.PI, back.getAsDouble(0));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("x.idx");
        IdxWriter.write(randomArray(IdxType.BYTE, new int[] {100}, 3), file, IdxWriter.Compression.NONE);
        IdxArray second = randomArray(IdxType.BYTE, new int[] {5}, 4);
        IdxWriter.write(second, file, IdxWriter.Compression.NONE);
        assertEquals(second, IdxReader.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void readsUnsignedBytesAsZeroTo255() {
        IdxArray u = IdxArray.ofUnsignedBytes(new byte[] {(byte) 255, 0, (byte) 128}, 3);
        IdxArray s = IdxArray.ofBytes(new byte[] {(byte) 255, 0, (byte) 128}, 3);
        assertArrayEquals(new double[] {255, 0, 128}, u.toTensor().data());
        assertArrayEquals(new double[] {-1, 0, -128}, s.toTensor().data());
        assertTrue(u.toString().contains("unsigned_byte 3"));
    }
}
