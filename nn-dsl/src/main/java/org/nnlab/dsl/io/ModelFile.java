package org.nnlab.dsl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.TrainingProgress;
import org.nnlab.dsl.json.SpecFormatException;
import org.nnlab.dsl.json.SpecJson;
import org.nnlab.dsl.spec.ModelSpec;

/**
 * Reads and writes model files: one ZIP holding the spec, the weights and optionally the optimizer state.
 *
 * <p>Entries: {@code manifest.json} (format name {@value #FORMAT_NAME}, version {@value #VERSION},
 * and each other entry's size and SHA-256), {@code model.json} (the spec, as {@link SpecJson}
 * writes it), {@code weights.bin} and, if saved, {@code optimizer.bin} and {@code progress.json}
 * (epochs, steps and ReduceLROnPlateau's counters; layouts in nn-dsl's README). Weights and
 * optimizer state are stored in the model's precision, so a float32 model file is half the size of
 * a float64 one and loads bit-identically. Writing is atomic ({@link AtomicFile}): a crash mid-save
 * leaves the previous file intact. Reading verifies each entry's size and checksum before decoding
 * it, and bounds every size by the bytes really there (see {@link #read}), so a truncated,
 * corrupted, forged or wrong-version file fails quickly with a {@link ModelFileException} naming
 * the file and the problem, and never yields a wrong model.
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
    /** The most bytes {@code manifest.json} may take. */
    static final int MAX_MANIFEST = 1 << 20;
    /** The most bytes {@code model.json} may take: a spec is a few kilobytes of JSON. */
    static final int MAX_SPEC = 16 << 20;
    /** The most bytes {@code progress.json} may take. */
    static final int MAX_PROGRESS = 1 << 16;
    static final ObjectMapper JSON = new ObjectMapper();

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
            if (!archive.callbackStates().isEmpty()) {
                ArrayNode callbacks = progress.putArray("callbacks");
                for (ReduceLROnPlateau.State state : archive.callbackStates()) {
                    callbacks.add(state == null ? JSON.nullNode() : plateauNode(state));
                }
            }
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

    /** ReduceLROnPlateau's counters; a best that is not finite is written as text, which JSON numbers cannot hold. */
    private static ObjectNode plateauNode(ReduceLROnPlateau.State state) {
        ObjectNode node = JSON.createObjectNode();
        Double best = state.best();
        if (best == null) {
            node.putNull("best");
        } else if (Double.isFinite(best)) {
            node.put("best", best.doubleValue());
        } else {
            node.put("best", best.toString());
        }
        return node.put("wait", state.epochsWaited()).put("cooldown_counter", state.cooldownCounter())
                .put("epochs", state.epochs());
    }

    /** Reads what {@link #plateauNode} wrote, for the spec's {@code index}-th callback. */
    private static ReduceLROnPlateau.State plateauState(JsonNode node, int index, Path file)
            throws ModelFileException {
        JsonNode best = node.path("best");
        Double value = null;
        if (best.isNumber()) {
            value = best.doubleValue();
        } else if (best.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(best.asText())) {
            value = Double.parseDouble(best.asText());
        } else if (!best.isNull()) {
            throw new ModelFileException(file, PROGRESS + " callbacks[" + index + "].best must be a number or null but"
                    + " is " + best, null);
        }
        for (String count : List.of("wait", "cooldown_counter", "epochs")) {
            if (!node.path(count).canConvertToLong() || !node.path(count).isIntegralNumber()) {
                throw new ModelFileException(file, PROGRESS + " callbacks[" + index + "]." + count + " must be a whole"
                        + " number but is " + node.path(count), null);
            }
        }
        try {
            return new ReduceLROnPlateau.State(value, node.path("wait").intValue(), node.path("cooldown_counter").intValue(),
                    node.path("epochs").longValue());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, PROGRESS + " callbacks[" + index + "]: " + e.getMessage(), e);
        }
    }

    /** The callback counters of progress.json, one per spec callback (null where it keeps none). */
    private static List<ReduceLROnPlateau.State> callbackStates(JsonNode progress, ModelSpec spec, Path file)
            throws ModelFileException {
        JsonNode list = progress.path("callbacks");
        if (list.isMissingNode()) {
            return List.of();
        }
        List<Callback> callbacks = spec.training() == null ? List.of() : spec.training().fit().callbacks();
        if (!list.isArray() || list.size() != callbacks.size()) {
            throw new ModelFileException(file, PROGRESS + " has callbacks " + list + " but the spec has "
                    + callbacks.size() + " callback(s); expected one entry for each", null);
        }
        List<ReduceLROnPlateau.State> states = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            JsonNode entry = list.get(i);
            if (entry.isNull()) {
                states.add(null);
            } else if (callbacks.get(i) instanceof ReduceLROnPlateau && entry.isObject()) {
                states.add(plateauState(entry, i, file));
            } else {
                throw new ModelFileException(file, PROGRESS + " callbacks[" + i + "] holds " + entry + " but the spec's"
                        + " callback " + i + " is " + callbacks.get(i) + ", which keeps no counters", null);
            }
        }
        return states;
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
     * Reads a model file, verifying its format version, and each entry's size and checksum before
     * decoding it.
     *
     * <p>Nothing in the file is trusted with memory. The manifest, the spec and the progress are
     * small ({@value #MAX_MANIFEST}, {@value #MAX_SPEC} and {@value #MAX_PROGRESS} bytes at most);
     * the spec, read first, bounds what the weights and the optimizer state may take (8 bytes per
     * parameter it declares, plus names and shapes), so a manifest that promises more is refused
     * before anything is inflated, and an entry that inflates past its promise is cut there.
     *
     * @throws ModelFileException if the file is missing, a directory, truncated, corrupted, of
     *     another version, or inconsistent; the message names the file, the entry and the offset
     */
    public static ModelArchive read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file. Hint: pass the path of the .nnlab"
                    + " file" + modelFilesIn(file) + ".", null);
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such model file", null);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = Manifest.read(zip, file);
            ModelSpec spec = SpecJson.fromJson(new String(manifest.verified(SPEC, MAX_SPEC), StandardCharsets.UTF_8),
                    file + "!" + SPEC);
            EntryBounds bounds = EntryBounds.of(spec);
            byte[] weightBytes = manifest.verified(WEIGHTS, bounds.maxWeights());
            if (weightBytes.length < bounds.minWeights()) {
                throw new ModelFileException(file, WEIGHTS + " holds " + weightBytes.length + " bytes, but the spec"
                        + " declares " + bounds.parameters() + " parameters, which take at least " + bounds.minWeights() + " bytes"
                        + ". Hint: the spec or the weights were replaced; load an earlier copy.", null);
            }
            List<String> names = new ArrayList<>();
            List<Tensor> weights = WeightsCodec.decodeWeights(weightBytes, names);
            Optimizer.Snapshot state = null;
            if (manifest.has(OPTIMIZER)) {
                if (spec.training() == null) {
                    throw new ModelFileException(file, OPTIMIZER + " is present but the spec has no training configuration",
                            null);
                }
                state = WeightsCodec.decodeOptimizer(manifest.verified(OPTIMIZER, bounds.maxOptimizer()));
            }
            TrainingProgress progress = null;
            List<ReduceLROnPlateau.State> callbackStates = List.of();
            if (manifest.has(PROGRESS)) {
                JsonNode p = progressJson(manifest.verified(PROGRESS, MAX_PROGRESS), file);
                progress = progress(p, file);
                callbackStates = callbackStates(p, spec, file);
            }
            return new ModelArchive(spec, names, weights, state, progress, callbackStates);
        } catch (ModelFileException e) {
            throw e;
        } catch (WeightsCodec.Malformed e) {
            throw new ModelFileException(file, e.getMessage() + " Hint: the file is damaged or was not written by nnlab;"
                    + " load an earlier copy.", e);
        } catch (SpecFormatException e) {
            throw new ModelFileException(file, "holds a " + SPEC + " that is not a valid spec: "
                    + e.getMessage().substring(e.source().length() + 2), e);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ModelFileException(file, "is damaged, truncated or not an nnlab model file (ZIP error: "
                    + (e.getMessage() != null ? e.getMessage() : "an entry's data runs past the end of the file")
                    + "). Hint: load an earlier copy or save the model again.", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "cannot be read: " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()), e);
        }
    }

    private static JsonNode progressJson(byte[] bytes, Path file) throws IOException {
        try {
            JsonNode p = JSON.readTree(bytes);
            if (p == null || !p.isObject()) {
                throw new ModelFileException(file, PROGRESS + " must hold a JSON object but is " + p, null);
            }
            return p;
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, PROGRESS + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static TrainingProgress progress(JsonNode p, Path file) throws ModelFileException {
        if (!p.path("epochs").isIntegralNumber() || !p.path("steps").isIntegralNumber()
                || !p.path("epochs").canConvertToLong() || !p.path("steps").canConvertToLong()) {
            throw new ModelFileException(file, PROGRESS + " must hold whole numbers 'epochs' and 'steps' but is " + p, null);
        }
        try {
            return new TrainingProgress(p.path("epochs").asLong(), p.path("steps").asLong());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, PROGRESS + ": " + e.getMessage(), e);
        }
    }

    private static String modelFilesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".nnlab")).sorted()
                    .limit(5).toList();
            return names.isEmpty() ? " (this folder holds none)" : ", e.g. " + folder.resolve(names.get(0));
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
