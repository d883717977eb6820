package org.nnlab.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.core.layer.Activation.RELU;
import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.layer.Activation.SOFTMAX;
import static org.nnlab.core.train.Metric.ACCURACY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.Model;
import org.nnlab.dsl.Nn;
import org.nnlab.dsl.io.ModelFileException;

/**
 * Mutated model files: each loads as a model that predicts, or fails with a
 * {@link ModelFileException}, in bounded memory and time (see {@link Trials}).
 *
 * <p>Most mutations forge the manifest afterwards (sizes and SHA-256 made to match, as an attacker
 * would), so the decoding behind the checksums is reached: a changed spec, weights with a forged
 * count or rank, an optimizer state of another shape, a manifest that promises a gigabyte. The
 * others damage the ZIP itself, the manifest, or the entries' names (duplicates, unknown ones). A
 * file whose bytes changed but whose manifest was not forged must load exactly the original
 * weights, or fail.
 */
class FuzzModelFileTest {
    static final int CASES = 2500;
    private static final String MANIFEST = "manifest.json";
    private static final List<Map<String, byte[]>> SEEDS = new ArrayList<>();
    private static final List<List<Tensor>> SEED_WEIGHTS = new ArrayList<>();
    private static Scratch scratch;

    @BeforeAll
    static void savedModels() throws IOException {
        scratch = new Scratch();
        Tensor x = Tensor.matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}});
        Model withState = Nn.input(3).dense(4, RELU).batchNormalization().dense(3, SOFTMAX)
                .compile(Nn.adam(), Nn.SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
                .fit(f -> f.epochs(2).batchSize(2).verbosity(Verbosity.SILENT)).build();
        withState.fit(x, Tensor.vector(0, 1, 2, 0));
        Model momentum = Nn.input(3).dense(2, SIGMOID).dropout(0.25).dense(1, SIGMOID)
                .compile(Nn.sgd(), Nn.BINARY_CROSSENTROPY)
                .fit(f -> f.epochs(1).batchSize(4).verbosity(Verbosity.SILENT)).build();
        momentum.fit(x, Tensor.matrix(new double[][] {{0}, {1}, {1}, {0}}));
        Model untrained = Nn.input(2, 2).flatten().dense(2).build();
        for (Model m : List.of(withState, momentum, untrained)) {
            Path file = scratch.write(new byte[0], ".nnlab");
            m.save(file, m != momentum);
            SEEDS.add(entries(file));
            SEED_WEIGHTS.add(m.getWeights());
        }
    }

    @AfterAll
    static void deleteScratchFolder() throws IOException {
        scratch.close();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void mutatedModelFilesLoadAWorkingModelOrFailTyped() throws IOException {
        Trials trials = new Trials("model file", ModelFileException.class);
        for (int c = 0; c < CASES; c++) {
            Mutator m = new Mutator(4_000_000L + c);
            int s = m.nextInt(SEEDS.size());
            Map<String, byte[]> entries = new LinkedHashMap<>(SEEDS.get(s));
            Map<String, byte[]> donor = m.pick(SEEDS);
            byte[] input;
            boolean forged = true;
            int kind = m.nextInt(20);
            if (kind < 5) {
                m.note("damage the ZIP");
                input = m.mutateBytes(zip(names(entries), new ArrayList<>(entries.values())), zip(names(donor),
                        new ArrayList<>(donor.values())));
                forged = false;
            } else if (kind < 13) {
                String name = m.pick(names(entries).subList(1, entries.size()));
                byte[] b = entries.get(name);
                byte[] other = donor.getOrDefault(name, b);
                m.note("mutate " + name);
                entries.put(name, name.endsWith(".json") ? m.mutateText(b, other) : mutateBinary(m, b, other));
                input = forge(entries, Map.of());
            } else if (kind < 15) {
                m.note("mutate the manifest");
                entries.put(MANIFEST, m.mutateText(entries.get(MANIFEST), donor.get(MANIFEST)));
                input = zip(names(entries), new ArrayList<>(entries.values()));
                forged = false;
            } else if (kind < 17) {
                input = restructure(m, entries, donor);
            } else {
                String name = m.pick(names(entries).subList(1, entries.size()));
                long size = m.pick(List.of(1L << 30, (long) Integer.MAX_VALUE, -1L, 0L,
                        entries.get(name).length + 1L, entries.get(name).length - 1L));
                if (name.equals("weights.bin") && m.chance(0.05)) {
                    m.note("weights.bin := 8 MiB of zeros");
                    entries.put(name, new byte[8 << 20]);
                }
                m.note("manifest size of " + name + " := " + size);
                input = forge(entries, Map.of(name, size));
            }
            Path file = scratch.write(input, ".nnlab");
            boolean exact = !forged;
            List<Tensor> original = SEED_WEIGHTS.get(s);
            trials.run(c, m, () -> Model.load(file), model -> {
                if (exact) {
                    assertEquals(original, model.getWeights(), "an unforged file loads its original weights");
                }
                int[] in = model.spec().inputShape().dims();
                int[] shape = new int[in.length + 1];
                shape[0] = 1;
                System.arraycopy(in, 0, shape, 1, in.length);
                assertEquals(1, model.predict(Tensor.zeros(shape)).rows());
            });
        }
        trials.requireVariety(100, 40);
    }

    /** Byte mutations, or a forged count, rank or dimension: the ints after the 8-byte header. */
    private static byte[] mutateBinary(Mutator m, byte[] b, byte[] donor) {
        if (m.chance(0.4) && b.length > 12) {
            int at = m.chance(0.3) ? 8 : 8 + 4 * m.nextInt((b.length - 12) / 4 + 1);
            return m.inflateSize(b, Math.min(at, b.length - 4));
        }
        return m.mutateBytes(b, donor);
    }

    /** Drops, duplicates, renames or borrows an entry, forging the manifest or not. */
    private static byte[] restructure(Mutator m, Map<String, byte[]> entries, Map<String, byte[]> donor)
            throws IOException {
        List<String> names = names(entries);
        String name = m.pick(names.subList(1, names.size()));
        switch (m.nextInt(4)) {
            case 0 -> {
                m.note("drop " + name);
                entries.remove(name);
                return m.chance(0.5) ? forge(entries, Map.of()) : zip(names(entries), new ArrayList<>(entries.values()));
            }
            case 1 -> {
                m.note("second ZIP entry named " + name);
                List<String> n = new ArrayList<>(names);
                List<byte[]> v = new ArrayList<>(entries.values());
                n.add(name);
                v.add(donor.getOrDefault(name, entries.get(name)));
                return zipWithDuplicate(n, v);
            }
            case 2 -> {
                m.note("borrow " + name + " from another model");
                if (donor.containsKey(name)) {
                    entries.put(name, donor.get(name));
                }
                return forge(entries, Map.of());
            }
            default -> {
                m.note("add an unknown entry");
                entries.put("extra.bin", new byte[] {1, 2, 3});
                return forge(entries, Map.of());
            }
        }
    }

    private static List<String> names(Map<String, byte[]> entries) {
        return new ArrayList<>(entries.keySet());
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** A model file of {@code entries} whose manifest records their real sizes and checksums (but for overrides). */
    private static byte[] forge(Map<String, byte[]> entries, Map<String, Long> sizes) throws IOException {
        StringBuilder manifest = new StringBuilder("{\"format\": \"nnlab-model\", \"version\": 1, \"entries\": [");
        List<String> names = new ArrayList<>(List.of(MANIFEST));
        List<byte[]> contents = new ArrayList<>();
        contents.add(null);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals(MANIFEST)) {
                manifest.append(names.size() == 1 ? "" : ", ").append("{\"name\": \"").append(e.getKey())
                        .append("\", \"size\": ").append(sizes.getOrDefault(e.getKey(), (long) e.getValue().length))
                        .append(", \"sha256\": \"").append(sha256(e.getValue())).append("\"}");
                names.add(e.getKey());
                contents.add(e.getValue());
            }
        }
        contents.set(0, manifest.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        return zip(names, contents);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
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

    /**
     * A ZIP whose last entry repeats an earlier name (ZipOutputStream refuses that): it is written
     * under a name of the same length that differs in its last character, which is then patched in
     * the local header and the central directory.
     */
    private static byte[] zipWithDuplicate(List<String> names, List<byte[]> contents) throws IOException {
        String name = names.get(names.size() - 1);
        String stand = name.substring(0, name.length() - 1) + "~";
        List<String> n = new ArrayList<>(names.subList(0, names.size() - 1));
        n.add(stand);
        String text = new String(zip(n, contents), StandardCharsets.ISO_8859_1).replace(stand, name);
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
