package org.nnlab.dsl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.Model;
import org.nnlab.dsl.Nn;

class ModelFileTest {
    private static ModelArchive trained;

    @BeforeAll
    static void trainSmallModel() {
        Model m = Nn.input(3).dense(4, RELU).batchNormalization().dense(3, SOFTMAX)
                .compile(Nn.adam(), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.epochs(2).batchSize(2).verbosity(Verbosity.SILENT))
                .build();
        m.fit(Tensor.matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}}), Tensor.vector(0, 1, 2, 0));
        List<String> names = m.sequential().parameters().stream().map(Parameter::name).toList();
        trained = new ModelArchive(m.spec(), names, m.getWeights(),
                m.sequential().optimizer().snapshot(m.sequential().parameters()));
    }

    private static void assertSameArchive(ModelArchive expected, ModelArchive actual) {
        assertEquals(expected.spec(), actual.spec());
        assertEquals(expected.weightNames(), actual.weightNames());
        assertEquals(expected.weights(), actual.weights());
        assertEquals(expected.optimizerState().iterations(), actual.optimizerState().iterations());
        assertEquals(expected.optimizerState().slots().size(), actual.optimizerState().slots().size());
        for (int i = 0; i < expected.optimizerState().slots().size(); i++) {
            assertTrue(Arrays.deepEquals(expected.optimizerState().slots().get(i), actual.optimizerState().slots().get(i)));
        }
    }

    @Test
    void roundTripKeepsSpecWeightsAndOptimizerState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        assertSameArchive(trained, ModelFile.read(file));
    }

    @Test
    void aFloat32ModelIsStoredInFloat32AndAFloat64ModelInFloat64(@TempDir Path dir) throws IOException {
        assertEquals(Precision.FLOAT32, trained.spec().precision());
        for (Tensor w : trained.weights()) {
            assertEquals(Precision.FLOAT32, w.precision(), "weights of the float32 model");
        }
        Path small = dir.resolve("float32.nnlab");
        ModelFile.write(trained, small);
        ModelArchive doubles = new ModelArchive(trained.spec().withPrecision(Precision.FLOAT64), trained.weightNames(),
                trained.weights().stream().map(w -> w.to(Precision.FLOAT64)).toList(), null);
        Path big = dir.resolve("float64.nnlab");
        ModelFile.write(doubles, big);
        ModelArchive read = ModelFile.read(big);
        assertEquals(Precision.FLOAT64, read.spec().precision());
        assertEquals(doubles.weights(), read.weights());
        try (ZipFile a = new ZipFile(small.toFile()); ZipFile b = new ZipFile(big.toFile())) {
            long floats = a.getEntry(ModelFile.WEIGHTS).getSize();
            long doublesSize = b.getEntry(ModelFile.WEIGHTS).getSize();
            assertTrue(doublesSize - floats > 30 * 4, "float32 weights take 4 bytes per value, float64 8: " + floats
                    + " vs " + doublesSize + " bytes");
        }
    }

    @Test
    void aVersionOneFileLoadsAsTheFloat64ModelItWas(@TempDir Path dir) throws Exception {
        // Written by hand as nnlab wrote model files before precisions: format 1 spec, doubles only.
        Model reference = Nn.input(2).precision(Precision.FLOAT64).dense(1, d -> d.noBias()).build();
        String spec = org.nnlab.dsl.json.SpecJson.toJson(reference.spec()).replace("\"format\" : 2", "\"format\" : 1")
                .replace("  \"precision\" : \"float64\",\n", "");
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(weights);
        out.writeInt(WeightsCodec.WEIGHTS_MAGIC);
        out.writeInt(1);
        out.writeInt(1);
        out.writeUTF("dense/kernel");
        out.writeInt(2);
        out.writeInt(2);
        out.writeInt(1);
        out.writeDouble(0.1);
        out.writeDouble(-0.3);
        out.flush();
        List<byte[]> entries = List.of(spec.getBytes(StandardCharsets.UTF_8), weights.toByteArray());
        StringBuilder manifest = new StringBuilder("{\"format\": \"nnlab-model\", \"version\": 1, \"entries\": [");
        List<String> names = List.of(ModelFile.SPEC, ModelFile.WEIGHTS);
        for (int i = 0; i < 2; i++) {
            String sha = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(entries.get(i)));
            manifest.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(names.get(i)).append("\", \"size\": ")
                    .append(entries.get(i).length).append(", \"sha256\": \"").append(sha).append("\"}");
        }
        manifest.append("]}");
        Path file = dir.resolve("old.nnlab");
        Files.write(file, zip(List.of(ModelFile.MANIFEST, ModelFile.SPEC, ModelFile.WEIGHTS),
                List.of(manifest.toString().getBytes(StandardCharsets.UTF_8), entries.get(0), entries.get(1))));
        Model loaded = Model.load(file);
        assertEquals(Precision.FLOAT64, loaded.sequential().precision());
        assertEquals(List.of(Tensor.matrix(new double[][] {{0.1}, {-0.3}})), loaded.getWeights());
        assertEquals(0.1 * 2 - 0.3 * 5, loaded.predict(Tensor.matrix(new double[][] {{2, 5}})).get(0), 0.0);
    }

    @Test
    void failedSaveLeavesThePreviousFileIntactAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        byte[] before = Files.readAllBytes(file);
        IOException crash = assertThrows(IOException.class,
                () -> ModelFile.write(trained, file, out -> new FailingAfter(out, 300)));
        assertEquals("disk full (simulated) after 300 bytes", crash.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void truncatedFileFailsNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is damaged, truncated or not an nnlab model file"), e.getMessage());
    }

    @Test
    void flippedByteIsRejectedOrChangesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        byte[] original = Files.readAllBytes(file);
        int rejected = 0;
        int tried = 0;
        // About 250 positions spread over the whole file (every byte would take seconds).
        int stride = Math.max(1, original.length / 250);
        for (int i = 0; i < original.length; i += stride, tried++) {
            byte[] bytes = original.clone();
            bytes[i] ^= 0x5A;
            Files.write(file, bytes);
            try {
                assertSameArchive(trained, ModelFile.read(file));
            } catch (ModelFileException e) {
                assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                rejected++;
            }
        }
        assertTrue(rejected > tried / 2, rejected + " of " + tried + " flips rejected");
    }

    @Test
    void entryThatFailsItsChecksumIsReportedAsCorrupted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                names.add(e.getName());
                byte[] b = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals(ModelFile.WEIGHTS)) {
                    b[b.length - 3] ^= 1;
                }
                contents.add(b);
            }
        }
        Files.write(file, zip(names, contents));
        String m = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": entry weights.bin is corrupted: its SHA-256 is "), m);
    }

    @Test
    void newerVersionFailsSayingWhichVersionsDiffer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        String manifest = "{\"format\": \"nnlab-model\", \"version\": 3, \"entries\": []}";
        Files.write(file, zip(List.of(ModelFile.MANIFEST), List.of(manifest.getBytes(StandardCharsets.UTF_8))));
        String m = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
        assertEquals(file + ": is model file version 3; this nnlab reads versions 1 and 2. Hint: it was saved by a"
                + " newer nnlab; upgrade to load it.", m);
    }

    @Test
    void textFileIsNotAModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a model");
        String m = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": is damaged, truncated or not an nnlab model file"), m);
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("absent.nnlab");
        assertEquals(file + ": no such model file",
                assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage());
    }

    private static byte[] zip(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(contents.get(i));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A stream that fails like a full disk after {@code limit} bytes. */
    private static final class FailingAfter extends FilterOutputStream {
        private final int limit;
        private int written;

        FailingAfter(OutputStream out, int limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (written++ >= limit) {
                throw new IOException("disk full (simulated) after " + limit + " bytes");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
