package org.nnlab.dsl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SOFTMAX;
import static org.nnlab.dsl.Nn.ACCURACY;
import static org.nnlab.dsl.Nn.SPARSE_CATEGORICAL_CROSSENTROPY;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        org.nnlab.core.optim.Optimizer.Snapshot s = WeightsCodec.decodeOptimizer(bytes.toByteArray());
        assertEquals(7, s.iterations());
        assertTrue(Double.isNaN(s.learningRate()), "version 1: the spec's learning rate holds");
        assertTrue(Arrays.equals(new double[] {0.5, -0.5}, s.slots().get(0)[0].data()));
    }

    @Test
    void optimizerStateOfVersionTwoStillReadsAsDoubles() throws IOException {
        // optimizer.bin version 2 had the assigned learning rate but no precision byte per slot: doubles only.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(WeightsCodec.OPTIMIZER_MAGIC);
        out.writeInt(2);
        out.writeUTF("adam");
        out.writeLong(3);
        out.writeDouble(0.25);
        out.writeInt(1);
        out.writeInt(1);
        out.writeInt(2);
        out.writeDouble(0.5);
        out.writeDouble(-0.5);
        org.nnlab.core.optim.Optimizer.Snapshot s = WeightsCodec.decodeOptimizer(bytes.toByteArray());
        assertEquals(3, s.iterations());
        assertEquals(0.25, s.learningRate());
        assertEquals(org.nnlab.core.tensor.Precision.FLOAT64, s.slots().get(0)[0].precision());
        assertTrue(Arrays.equals(new double[] {0.5, -0.5}, s.slots().get(0)[0].data()));
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

    /** The entries of model file {@code file}, in order, manifest first. */
    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** Writes {@code entries} (without a manifest) with a manifest whose sizes and checksums match, as a forger would. */
    private static void forge(Path file, Map<String, byte[]> entries, Map<String, Long> sizeOverrides) throws IOException {
        ObjectNode manifest = new ObjectMapper().createObjectNode().put("format", ModelFile.FORMAT_NAME)
                .put("version", ModelFile.VERSION);
        ArrayNode list = manifest.putArray("entries");
        List<String> names = new ArrayList<>(List.of(ModelFile.MANIFEST));
        List<byte[]> contents = new ArrayList<>(List.of(new byte[0]));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals(ModelFile.MANIFEST)) {
                list.addObject().put("name", e.getKey()).put("size", sizeOverrides.getOrDefault(e.getKey(),
                        (long) e.getValue().length)).put("sha256", sha256(e.getValue()));
                names.add(e.getKey());
                contents.add(e.getValue());
            }
        }
        contents.set(0, new ObjectMapper().writeValueAsBytes(manifest));
        Files.write(file, zip(names, contents));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, byte[]> savedEntries(Path file) throws IOException {
        ModelFile.write(trained, file);
        return entries(file);
    }

    @Test
    void aForgedWeightCountOfIntMaxIsATypedErrorNotOutOfMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        ByteBuffer.wrap(e.get(ModelFile.WEIGHTS)).putInt(8, Integer.MAX_VALUE);
        forge(file, e, Map.of());
        ModelFileException x = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        int remaining = e.get(ModelFile.WEIGHTS).length - 12;
        assertEquals(file + ": weights.bin at byte 8: the weight count is 2147483647, but only " + remaining + " bytes"
                + " remain, room for at most " + remaining / 11 + ". Hint: the file is damaged or was not written by"
                + " nnlab; load an earlier copy.", x.getMessage());
    }

    @Test
    void aForgedRankOfIntMaxIsATypedErrorNotOutOfMemory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        byte[] w = e.get(ModelFile.WEIGHTS);
        int nameLength = ByteBuffer.wrap(w).getShort(12);
        // magic, version, count (12 bytes), the name (2 + its length), the precision byte, then the rank
        int rankAt = 14 + nameLength + 1;
        ByteBuffer.wrap(w).putInt(rankAt, Integer.MAX_VALUE);
        forge(file, e, Map.of());
        ModelFileException x = assertThrows(ModelFileException.class, () -> Model.load(file));
        assertTrue(x.getMessage().startsWith(file + ": weights.bin at byte " + rankAt + ": the rank of weight 0"
                + " ('dense/kernel') is 2147483647, but only "), x.getMessage());
    }

    @Test
    void aForgedPrecisionByteIsATypedErrorNamingTheWeight(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        byte[] w = e.get(ModelFile.WEIGHTS);
        int precisionAt = 14 + ByteBuffer.wrap(w).getShort(12);
        w[precisionAt] = 2;
        forge(file, e, Map.of());
        ModelFileException x = assertThrows(ModelFileException.class, () -> Model.load(file));
        assertTrue(x.getMessage().startsWith(file + ": weights.bin at byte " + precisionAt + ": the precision of weight 0"
                + " ('dense/kernel') is 2; expected 4 (float32) or 8 (float64), the bytes per value."), x.getMessage());
    }

    @Test
    void aManifestPromisingAGigabyteIsRefusedBeforeTheEntryIsInflated(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        // 32 MiB of zeros deflate to 32 KiB; the manifest promises 1 GiB with the checksum of the zeros.
        e.put(ModelFile.WEIGHTS, new byte[32 << 20]);
        forge(file, e, Map.of(ModelFile.WEIGHTS, 1L << 30));
        assertTrue(Files.size(file) < 1 << 20, Files.size(file) + " bytes");
        ModelFileException[] x = new ModelFileException[1];
        long allocated = allocatedBytes(() -> {
            x[0] = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        });
        assertTrue(x[0].getMessage().startsWith(file + ": manifest records 1073741824 bytes for weights.bin, but its"
                + " spec allows at most "), x[0].getMessage());
        assertTrue(x[0].getMessage().endsWith(" (8 bytes per parameter the spec declares, plus names and shapes). Hint:"
                + " the file was altered or is damaged; load an earlier copy."), x[0].getMessage());
        assertTrue(allocated < 8 << 20, allocated + " bytes allocated");
    }

    @Test
    void anEntryInflatingPastItsPromiseIsCutThere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        int promised = e.get(ModelFile.WEIGHTS).length;
        e.put(ModelFile.WEIGHTS, new byte[32 << 20]);
        forge(file, e, Map.of(ModelFile.WEIGHTS, (long) promised));
        ModelFileException[] x = new ModelFileException[1];
        long allocated = allocatedBytes(() -> {
            x[0] = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        });
        assertTrue(x[0].getMessage().contains("entry weights.bin is corrupted: its SHA-256 is "), x[0].getMessage());
        assertTrue(x[0].getMessage().contains("(more than " + promised + " bytes) but the manifest records"),
                x[0].getMessage());
        assertTrue(allocated < 8 << 20, allocated + " bytes allocated");
    }

    @Test
    void anAbsurdSizeInTheSpecNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        String spec = new String(e.get(ModelFile.SPEC), StandardCharsets.UTF_8);
        e.put(ModelFile.SPEC, spec.replaceFirst("\"units\" : 4", "\"units\" : 2147483647").getBytes(StandardCharsets.UTF_8));
        forge(file, e, Map.of());
        ModelFileException x = assertThrows(ModelFileException.class, () -> Model.load(file));
        assertTrue(x.getMessage().startsWith(file + ": weights.bin holds " + e.get(ModelFile.WEIGHTS).length + " bytes,"
                + " but the spec declares 23622320120 parameters, which take at least 94489280492 bytes. "), x.getMessage());
    }

    @Test
    void aDirectoryIsNamedAsSuch(@TempDir Path dir) throws IOException {
        ModelFile.write(trained, dir.resolve("m.nnlab"));
        ModelFileException x = assertThrows(ModelFileException.class, () -> Model.load(dir));
        assertEquals(dir + ": is a directory, not a model file. Hint: pass the path of the .nnlab file, e.g. "
                + dir.resolve("m.nnlab") + ".", x.getMessage());
    }

    @Test
    void twoZipEntriesOfTheSameNameAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        List<String> names = new ArrayList<>(e.keySet());
        List<byte[]> contents = new ArrayList<>(e.values());
        names.add(ModelFile.WEIGHTS);
        contents.add(e.get(ModelFile.WEIGHTS));
        Files.write(file, zipAllowingDuplicates(names, contents));
        ModelFileException x = assertThrows(ModelFileException.class, () -> ModelFile.read(file));
        assertTrue(x.getMessage().startsWith(file + ": holds two ZIP entries named 'weights.bin'"), x.getMessage());
    }

    @Test
    void aManifestListingAnEntryTwiceOrAnUnknownOneOrABadSizeIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.nnlab");
        Map<String, byte[]> e = savedEntries(file);
        String manifest = new String(e.get(ModelFile.MANIFEST), StandardCharsets.UTF_8);
        String twice = manifest.replace("\"entries\" : [ {", "\"entries\" : [ {\"name\": \"model.json\", \"size\": 1,"
                + " \"sha256\": \"" + "0".repeat(64) + "\"}, {");
        String[][] cases = {
            {twice, "lists entry 'model.json' twice in its manifest"},
            {manifest.replaceFirst("\"model.json\"", "\"extra.bin\""), "lists entry \"extra.bin\" in its manifest; a"
                    + " version 2 model file holds only [model.json, weights.bin, optimizer.bin, progress.json]"},
            {manifest.replaceFirst("\"size\" : \\d+", "\"size\" : -5"), "records size -5 for model.json in its manifest"},
            {manifest.replaceFirst("\"size\" : \\d+", "\"size\" : 1.5"), "records size 1.5 for model.json"},
            {manifest.replaceFirst("\"sha256\" : \"[0-9a-f]+\"", "\"sha256\" : 7"), "records SHA-256 7 for model.json"},
            {"[1, 2]", "manifest.json must be a JSON object but is [1,2]"},
            {"{\"format\": ", "manifest.json is not valid JSON: Unexpected end-of-input"},
        };
        for (String[] c : cases) {
            e.put(ModelFile.MANIFEST, c[0].getBytes(StandardCharsets.UTF_8));
            Files.write(file, zip(new ArrayList<>(e.keySet()), new ArrayList<>(e.values())));
            ModelFileException x = assertThrows(ModelFileException.class, () -> ModelFile.read(file), c[1]);
            assertTrue(x.getMessage().startsWith(file + ": " + c[1]), x.getMessage());
        }
    }

    private static long allocatedBytes(Runnable r) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        r.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** A ZIP with the given entries, duplicates included (ZipOutputStream refuses them). */
    private static byte[] zipAllowingDuplicates(List<String> names, List<byte[]> contents) throws IOException {
        // Write each entry under a unique placeholder of the same length, then rename it in the bytes.
        List<String> unique = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            unique.add(names.indexOf(n) == i ? n : n.substring(0, n.length() - 1) + "#");
        }
        byte[] bytes = zip(unique, contents);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < names.size(); i++) {
            if (!unique.get(i).equals(names.get(i))) {
                text = text.replace(unique.get(i), names.get(i));
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
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
