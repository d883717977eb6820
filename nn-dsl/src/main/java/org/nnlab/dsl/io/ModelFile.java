package org.nnlab.dsl.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.TrainingProgress;
import org.nnlab.dsl.json.SpecJson;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Reads and writes model files: one ZIP holding the spec, the weights and optionally the optimizer state.
 *
 * <p>Entries: {@code manifest.json} (format name {@value #FORMAT_NAME}, version {@value #VERSION},
 * and each other entry's size and SHA-256), {@code model.json} (the spec, as {@link SpecJson}
 * writes it), {@code weights.bin} and, if saved, {@code optimizer.bin} (layouts in nn-dsl's
 * README). Weights and optimizer state are stored in the model's precision, so a float32 model
 * file is half the size of a float64 one and loads bit-identically. Writing is atomic ({@link AtomicFile}): a crash mid-save leaves the previous file
 * intact. Reading verifies every checksum before decoding anything, so a truncated, corrupted or
 * wrong-version file fails with a {@link ModelFileException} naming the file and the problem, and
 * never yields a wrong model.
 */
public final class ModelFile {
    /** The format name in the manifest. */
    public static final String FORMAT_NAME = "nnlab-model";
    /** The end of a model file's name, as {@code .keras} ends Keras's; {@code Model.save} requires it. */
    public static final String EXTENSION = ".nnlab";
    /** The version this code writes; it also reads {@value #FLOAT64_VERSION}. */
    public static final int VERSION = 2;
    /** The version written before nnlab had float32: float64 weights and a format-1 spec. */
    public static final int FLOAT64_VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String SPEC = "model.json";
    static final String WEIGHTS = "weights.bin";
    static final String OPTIMIZER = "optimizer.bin";
    static final String PROGRESS = "progress.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /** Writes {@code archive} to {@code file} atomically, replacing any previous file. */
    public static void write(ModelArchive archive, Path file) throws IOException {
        write(archive, file, UnaryOperator.identity());
    }

    /** As {@link #write(ModelArchive, Path)}, with the output stream passed through {@code wrap} (tests inject failures). */
    static void write(ModelArchive archive, Path file, UnaryOperator<OutputStream> wrap) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SPEC, SpecJson.toJson(archive.spec()).getBytes(StandardCharsets.UTF_8));
        entries.put(WEIGHTS, WeightsCodec.encodeWeights(archive.weightNames(), archive.weights()));
        if (archive.optimizerState() != null) {
            entries.put(OPTIMIZER, WeightsCodec.encodeOptimizer(archive.optimizerState()));
        }
        if (archive.progress() != null) {
            ObjectNode progress = JSON.createObjectNode()
                    .put("epochs", archive.progress().epochs()).put("steps", archive.progress().steps());
            entries.put(PROGRESS, JSON.writeValueAsBytes(progress));
        }
        byte[] manifest = manifest(entries);
        AtomicFile.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(wrap.apply(raw));
            put(zip, MANIFEST, manifest);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
            zip.finish();
            zip.flush();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] manifest(Map<String, byte[]> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT_NAME);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("entries");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            list.addObject().put("name", e.getKey()).put("size", e.getValue().length).put("sha256", sha256(e.getValue()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /**
     * Reads a model file, verifying its format version and every entry's checksum first.
     *
     * @throws ModelFileException if the file is missing, truncated, corrupted, of another version, or inconsistent
     */
    public static ModelArchive read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such model file", null);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, byte[]> entries = verifiedEntries(zip, file);
            ModelSpec spec = SpecJson.fromJson(new String(entries.get(SPEC), StandardCharsets.UTF_8), file + "!" + SPEC);
            List<String> names = new ArrayList<>();
            List<Tensor> weights = WeightsCodec.decodeWeights(stream(entries.get(WEIGHTS)), names);
            Optimizer.Snapshot state = null;
            if (entries.containsKey(OPTIMIZER)) {
                if (spec.training() == null) {
                    throw new ModelFileException(file, OPTIMIZER + " is present but the spec has no training configuration", null);
                }
                state = WeightsCodec.decodeOptimizer(stream(entries.get(OPTIMIZER)));
            }
            TrainingProgress progress = null;
            if (entries.containsKey(PROGRESS)) {
                JsonNode p = JSON.readTree(entries.get(PROGRESS));
                if (!p.path("epochs").canConvertToLong() || !p.path("steps").canConvertToLong()) {
                    throw new ModelFileException(file, PROGRESS + " must hold whole numbers 'epochs' and 'steps' but is "
                            + p, null);
                }
                progress = new TrainingProgress(p.path("epochs").asLong(), p.path("steps").asLong());
            }
            return new ModelArchive(spec, names, weights, state, progress);
        } catch (ModelFileException e) {
            throw e;
        } catch (java.util.zip.ZipException e) {
            throw new ModelFileException(file, "is damaged, truncated or not an nnlab model file (ZIP error: " + e.getMessage()
                    + "). Hint: load an earlier copy or save the model again.", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> verifiedEntries(ZipFile zip, Path file) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new ModelFileException(file, "has no " + MANIFEST + "; it is a ZIP but not an nnlab model file", null);
        }
        JsonNode manifest = JSON.readTree(readEntry(zip, manifestEntry, 1 << 20));
        String format = manifest.path("format").asText("");
        int version = manifest.path("version").asInt(-1);
        if (!FORMAT_NAME.equals(format)) {
            throw new ModelFileException(file, "has format '" + format + "' in its manifest, expected '" + FORMAT_NAME + "'", null);
        }
        if (version != VERSION && version != FLOAT64_VERSION) {
            throw new ModelFileException(file, "is model file version " + version + "; this nnlab reads versions "
                    + FLOAT64_VERSION + " and " + VERSION
                    + (version > VERSION ? ". Hint: it was saved by a newer nnlab; upgrade to load it." : "."), null);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (JsonNode e : manifest.path("entries")) {
            String name = e.path("name").asText();
            long size = e.path("size").asLong(-1);
            ZipEntry ze = zip.getEntry(name);
            if (ze == null || size < 0) {
                throw new ModelFileException(file, "lists entry '" + name + "' in its manifest but does not hold it", null);
            }
            byte[] bytes = readEntry(zip, ze, size);
            String actual = sha256(bytes);
            if (bytes.length != size || !actual.equals(e.path("sha256").asText())) {
                throw new ModelFileException(file, "entry " + name + " is corrupted: its SHA-256 is " + actual + " ("
                        + bytes.length + " bytes) but the manifest records " + e.path("sha256").asText() + " (" + size
                        + " bytes). Hint: load an earlier copy; nnlab does not load a damaged model.", null);
            }
            entries.put(name, bytes);
        }
        for (String required : List.of(SPEC, WEIGHTS)) {
            if (!entries.containsKey(required)) {
                throw new ModelFileException(file, "has no " + required + " in its manifest", null);
            }
        }
        return entries;
    }

    /** Reads at most {@code limit} + 1 bytes, so a corrupted size cannot exhaust memory. */
    private static byte[] readEntry(ZipFile zip, ZipEntry e, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
