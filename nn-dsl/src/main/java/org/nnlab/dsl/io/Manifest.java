package org.nnlab.dsl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The {@code manifest.json} of a model file, checked, and the entries it vouches for.
 *
 * <p>The ZIP must name each entry once; the manifest must have the right format and version, list
 * only entries this version knows, each once, with a whole size and a SHA-256, and list the spec
 * and the weights. {@link #verified} then reads one entry, refusing a promised size above the
 * caller's bound before inflating anything and reading at most one byte past the promise.
 */
final class Manifest {
    private static final List<String> KNOWN = List.of(ModelFile.SPEC, ModelFile.WEIGHTS, ModelFile.OPTIMIZER,
            ModelFile.PROGRESS);

    private final ZipFile zip;
    private final Path file;
    private final Map<String, Listed> entries;

    /** One listed entry: where it is in the ZIP, and its promised size and checksum. */
    private record Listed(ZipEntry entry, long size, String sha256) {
    }

    private Manifest(ZipFile zip, Path file, Map<String, Listed> entries) {
        this.zip = zip;
        this.file = file;
        this.entries = entries;
    }

    /** Reads and checks the manifest of {@code zip}, which is {@code file}. */
    static Manifest read(ZipFile zip, Path file) throws IOException {
        requireDistinctNames(zip, file);
        ZipEntry manifestEntry = zip.getEntry(ModelFile.MANIFEST);
        if (manifestEntry == null) {
            throw new ModelFileException(file, "has no " + ModelFile.MANIFEST + "; it is a ZIP but not an nnlab model file",
                    null);
        }
        byte[] bytes = read(zip, manifestEntry, ModelFile.MAX_MANIFEST);
        if (bytes.length > ModelFile.MAX_MANIFEST) {
            throw new ModelFileException(file, ModelFile.MANIFEST + " is larger than " + ModelFile.MAX_MANIFEST + " bytes;"
                    + " nnlab writes a few hundred. Hint: the file was not written by nnlab.", null);
        }
        JsonNode root;
        try {
            root = ModelFile.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, ModelFile.MANIFEST + " is not valid JSON: " + e.getOriginalMessage()
                    + ". Hint: the file is damaged; load an earlier copy.", e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelFileException(file, ModelFile.MANIFEST + " must be a JSON object but is " + root, null);
        }
        String format = root.path("format").asText("");
        int version = root.path("version").asInt(-1);
        if (!ModelFile.FORMAT_NAME.equals(format)) {
            throw new ModelFileException(file, "has format '" + format + "' in its manifest, expected '"
                    + ModelFile.FORMAT_NAME + "'", null);
        }
        if (version != ModelFile.VERSION && version != ModelFile.FLOAT64_VERSION) {
            throw new ModelFileException(file, "is model file version " + version + "; this nnlab reads versions "
                    + ModelFile.FLOAT64_VERSION + " and " + ModelFile.VERSION + (version > ModelFile.VERSION
                    ? ". Hint: it was saved by a newer nnlab; upgrade to load it." : "."), null);
        }
        Map<String, Listed> entries = new LinkedHashMap<>();
        for (JsonNode e : root.path("entries")) {
            Listed listed = listed(zip, file, e);
            if (entries.put(e.path("name").asText(), listed) != null) {
                throw new ModelFileException(file, "lists entry '" + e.path("name").asText() + "' twice in its manifest."
                        + " Hint: the file was altered; load an earlier copy.", null);
            }
        }
        for (String required : List.of(ModelFile.SPEC, ModelFile.WEIGHTS)) {
            if (!entries.containsKey(required)) {
                throw new ModelFileException(file, "has no " + required + " in its manifest", null);
            }
        }
        return new Manifest(zip, file, entries);
    }

    private static Listed listed(ZipFile zip, Path file, JsonNode e) throws ModelFileException {
        String name = e.path("name").asText();
        if (!e.path("name").isTextual() || !KNOWN.contains(name)) {
            throw new ModelFileException(file, "lists entry " + e.path("name") + " in its manifest; a version "
                    + ModelFile.VERSION + " model file holds only " + KNOWN + ". Hint: the file was altered or written"
                    + " by another tool.", null);
        }
        JsonNode size = e.path("size");
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0
                || size.asLong() > EntryBounds.MAX_ENTRY) {
            throw new ModelFileException(file, "records size " + size + " for " + name + " in its manifest; expected a"
                    + " whole number of bytes from 0 to " + EntryBounds.MAX_ENTRY + ". Hint: the file was altered;"
                    + " load an earlier copy.", null);
        }
        String sha = e.path("sha256").asText("");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new ModelFileException(file, "records SHA-256 " + e.path("sha256") + " for " + name + " in its"
                    + " manifest; expected 64 lowercase hex digits. Hint: the file was altered; load an earlier copy.",
                    null);
        }
        ZipEntry ze = zip.getEntry(name);
        if (ze == null || ze.isDirectory()) {
            throw new ModelFileException(file, "lists entry '" + name + "' in its manifest but does not hold it", null);
        }
        return new Listed(ze, size.asLong(), sha);
    }

    private static void requireDistinctNames(ZipFile zip, Path file) throws ModelFileException {
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            if (!names.add(name)) {
                throw new ModelFileException(file, "holds two ZIP entries named '" + name + "'; a model file holds each"
                        + " entry once. Hint: the file was altered or re-zipped by another tool; nnlab does not guess"
                        + " which copy is meant.", null);
            }
        }
    }

    /** Whether the manifest lists {@code name}. */
    boolean has(String name) {
        return entries.containsKey(name);
    }

    /**
     * The bytes of entry {@code name}, whose size and SHA-256 match the manifest.
     *
     * @param limit the most bytes the entry may take; a larger promise is refused before reading
     */
    byte[] verified(String name, long limit) throws IOException {
        Listed listed = entries.get(name);
        if (listed.size() > limit) {
            throw new ModelFileException(file, "manifest records " + listed.size() + " bytes for " + name + ", but "
                    + (name.equals(ModelFile.SPEC) || name.equals(ModelFile.PROGRESS) ? "it may take at most " + limit
                    : "its spec allows at most " + limit + " (8 bytes per parameter the spec declares, plus names and"
                    + " shapes)") + ". Hint: the file was altered or is damaged; load an earlier copy.", null);
        }
        byte[] bytes = read(zip, listed.entry(), listed.size());
        String actual = ModelFile.sha256(bytes);
        if (bytes.length != listed.size() || !actual.equals(listed.sha256())) {
            throw new ModelFileException(file, "entry " + name + " is corrupted: its SHA-256 is " + actual + " ("
                    + (bytes.length > listed.size() ? "more than " + listed.size() : bytes.length) + " bytes) but the"
                    + " manifest records " + listed.sha256() + " (" + listed.size() + " bytes). Hint: load an earlier"
                    + " copy; nnlab does not load a damaged model.", null);
        }
        return bytes;
    }

    /** Reads at most {@code limit} + 1 bytes, in chunks that grow with what really arrives. */
    private static byte[] read(ZipFile zip, ZipEntry e, long limit) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readNBytes((int) Math.min(EntryBounds.MAX_ENTRY, limit + 1));
        }
    }
}
