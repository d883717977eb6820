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
    void optimizerStateOfVersionOneStillReads() throws IOException {
        // optimizer.bin version 1 had no learning rate after the iterations.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(WeightsCodec.OPTIMIZER_MAGIC);
        out.writeInt(1);
        out.writeUTF("sgd");
        out.writeLong(7);
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(2);
        out.writeDouble(0.5);
        out.writeDouble(-0.5);
        org.nnlab.core.optim.Optimizer.Snapshot s = WeightsCodec.decodeOptimizer(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(7, s.iterations());
        assertTrue(Double.isNaN(s.learningRate()), "version 1: the spec's learning rate holds");
        assertTrue(Arrays.equals(new double[] {0.5, -0.5}, s.slots().get(0)[0]));
    }

    @Test
    void assignedLearningRateAndPlateauCountersRoundTrip(@TempDir Path dir) throws IOException {
        Model m = Nn.input(2).dense(1).compile(Nn.sgd(), org.nnlab.dsl.Nn.MEAN_SQUARED_ERROR)
                .fit(f -> f.epochs(3).verbosity(Verbosity.SILENT).earlyStopping(Nn.LOSS, 5)
                        .callbacks(new org.nnlab.core.train.ReduceLROnPlateau(org.nnlab.core.train.ReduceLROnPlateau
                                .Config.DEFAULTS.monitor(Nn.LOSS).factor(0.5).patience(1).minDelta(100))))
                .build();
        m.fit(Tensor.matrix(new double[][] {{1, 0}, {0, 1}}), Tensor.matrix(new double[][] {{1}, {0}}));
        Path file = dir.resolve("plateau.nnlab");
        m.save(file);
        ModelArchive a = ModelFile.read(file);
        assertEquals(0.0025, m.sequential().optimizer().learningRate(), "halved after epochs 2 and 3");
        assertEquals(0.0025, a.optimizerState().learningRate());
        assertEquals(2, a.callbackStates().size());
        assertEquals(null, a.callbackStates().get(0), "early stopping keeps no counters");
        assertEquals(3, a.callbackStates().get(1).epochs());
    }

    @Test
    void roundTripKeepsSpecWeightsAndOptimizerState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        ModelFile.write(trained, file);
        assertSameArchive(trained, ModelFile.read(file));
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
        String manifest = "{\"format\": \"nnlab-model\", \"version\": 2, \"entries\": []}";
        Files.write(file, zip(List.of(ModelFile.MANIFEST), List.of(manifest.getBytes(StandardCharsets.UTF_8))));
        String m = assertThrows(ModelFileException.class, () -> ModelFile.read(file)).getMessage();
        assertEquals(file + ": is model file version 2; this nnlab reads version 1. Hint: it was saved by a newer"
                + " nnlab; upgrade to load it.", m);
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
