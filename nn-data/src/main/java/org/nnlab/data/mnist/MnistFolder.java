package org.nnlab.data.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.nnlab.data.DatasetNotFoundException;

/**
 * A folder holding the four files of an MNIST-format dataset, found by name.
 *
 * <p>File {@code train-images-idx3-ubyte} matches that exact name, the same with {@code .gz}, a
 * prefixed name such as EMNIST's {@code emnist-balanced-train-images-idx3-ubyte.gz}, and the
 * dotted spelling {@code train-images.idx3-ubyte} of some mirrors. The exact name wins over a
 * prefixed one. When a plain file and its {@code .gz} both exist (torchvision's {@code raw} folder
 * keeps both), they must hold the same data, judged by the uncompressed length the gzip trailer
 * records and the first {@value #COMPARED} bytes; then the plain one is read, and otherwise loading
 * fails naming both rather than silently taking one. A folder with a file's name is named as such.
 */
final class MnistFolder {
    /** The four standard base names: train images, train labels, test images, test labels. */
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** How many leading bytes of a plain file and its {@code .gz} twin must agree. */
    static final int COMPARED = 1 << 16;

    private MnistFolder() {
    }

    /** Whether {@code folder} is a directory that holds a training-images file. */
    static boolean holdsDataset(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            return matches(folder, FILES.get(0)).stream().anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The file in {@code folder} for standard base name {@code base}.
     *
     * @throws DatasetNotFoundException if none or several different files match
     */
    static Path find(Path folder, String base) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetNotFoundException("No folder " + folder.toAbsolutePath() + (Files.exists(folder)
                    ? " (it is a file)" : "") + "; an MNIST-format dataset is a folder holding the four files "
                    + String.join(", ", FILES) + " (each may end in .gz). Hint: check the path, or use"
                    + " MnistDataset.named(\"fashion-mnist\") to search the usual places.", List.of(folder.toString()));
        }
        List<Path> candidates = matches(folder, base);
        List<Path> found = candidates.stream().filter(Files::isRegularFile).toList();
        if (found.isEmpty() && !candidates.isEmpty()) {
            String what = candidates.stream().allMatch(Files::isDirectory)
                    ? (candidates.size() == 1 ? "it is a folder" : "they are folders")
                    : "none is a regular file (a folder, a broken link or a device)";
            throw new DatasetNotFoundException("Folder " + folder + " has " + names(candidates) + " but " + what
                    + ", not a " + base + "[.gz] file."
                    + " Hint: if the IDX file is inside (some unpacking tools make a folder of the archive's name),"
                    + " move it up into " + folder + ".", List.of(folder.toString()));
        }
        if (found.isEmpty()) {
            throw new DatasetNotFoundException("Folder " + folder + " has no " + base + "[.gz]; an MNIST-format folder"
                    + " needs the four files " + String.join(", ", FILES) + " (each may end in .gz). It holds: "
                    + listing(folder) + ". Hint: download the missing file into that folder.", List.of(folder.toString()));
        }
        Path plain = folder.resolve(base);
        Path gz = folder.resolve(base + ".gz");
        if (found.contains(plain) && found.contains(gz)) {
            requireSameData(plain, gz, folder);
        }
        for (Path exact : List.of(plain, gz)) {
            if (found.contains(exact)) {
                return exact;
            }
        }
        if (found.size() > 1) {
            throw new DatasetNotFoundException("Folder " + folder + " has several files that could be " + base + ": "
                    + found + ". Hint: put each dataset (e.g. each EMNIST split) in a folder of its own.",
                    List.of(folder.toString()));
        }
        return found.get(0);
    }

    /**
     * Fails unless {@code gz} decompresses to what {@code plain} holds, judged by the length in its
     * trailer and the first {@value #COMPARED} bytes (reading no more than that of either).
     */
    private static void requireSameData(Path plain, Path gz, Path folder) throws IOException {
        long length = Files.size(plain);
        String difference;
        try (InputStream p = Files.newInputStream(plain);
             InputStream g = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            byte[] a = p.readNBytes(COMPARED);
            byte[] b = g.readNBytes(COMPARED);
            int at = Arrays.mismatch(a, b);
            long recorded = trailerLength(gz);
            int header = a.length >= 4 ? 4 + 4 * (a[3] & 0xFF) : 4;
            if (at >= 0 && at < Math.min(a.length, b.length)) {
                difference = "they differ at byte " + at + (at < header ? " (in the IDX header: another type or other"
                        + " dimensions)" : "");
            } else if (recorded != (length & 0xFFFF_FFFFL) || a.length != b.length) {
                difference = base(gz) + "'s gzip trailer records " + recorded + " bytes but " + base(plain) + " has "
                        + length;
            } else {
                return;
            }
        } catch (IOException e) {
            difference = base(gz) + " cannot be decompressed (" + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()) + ")";
        }
        throw new DatasetNotFoundException("Folder " + folder + " has both " + base(plain) + " and " + base(gz)
                + ", and they hold different data: " + difference + ". Hint: keep the one that belongs to this dataset"
                + " and move the other away; nnlab does not guess which one you meant.", List.of(folder.toString()));
    }

    /** The uncompressed length modulo 2³² that a gzip file's last four bytes record (little-endian). */
    private static long trailerLength(Path gz) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(gz)) {
            if (ch.size() < 18) {
                return -1;
            }
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.position(ch.size() - 4);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                continue;
            }
            return b.flip().getInt() & 0xFFFF_FFFFL;
        }
    }

    private static String base(Path p) {
        return p.getFileName().toString();
    }

    private static String names(List<Path> paths) {
        return String.join(", ", paths.stream().map(MnistFolder::base).toList());
    }

    private static List<Path> matches(Path folder, String base) throws IOException {
        // "train-images-idx3-ubyte" → optional prefix, '-' or '.' between the parts, optional ".gz"
        String[] parts = base.split("-");
        StringBuilder re = new StringBuilder("(.*[-_.])?");
        for (int i = 0; i < parts.length; i++) {
            re.append(i == 0 ? "" : "[-.]").append(Pattern.quote(parts[i]));
        }
        Pattern pattern = Pattern.compile(re.append("(\\.gz)?").toString());
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> pattern.matcher(p.getFileName().toString()).matches()).sorted().forEach(out::add);
        }
        return out;
    }

    private static String listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().limit(12).toList();
            return names.isEmpty() ? "nothing" : String.join(", ", names);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
