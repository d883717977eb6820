package org.nnlab.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nnlab.data.DatasetNotFoundException;

/**
 * A folder holding the four files of an MNIST-format dataset, found by name.
 *
 * <p>File {@code train-images-idx3-ubyte} matches that exact name, the same with {@code .gz}, a
 * prefixed name such as EMNIST's {@code emnist-balanced-train-images-idx3-ubyte.gz}, and the
 * dotted spelling {@code train-images.idx3-ubyte} of some mirrors. The exact name wins over a
 * prefixed one; plain wins over {@code .gz} when both exist.
 */
final class MnistFolder {
    /** The four standard base names: train images, train labels, test images, test labels. */
    static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private MnistFolder() {
    }

    /** Whether {@code folder} is a directory that holds a training-images file. */
    static boolean holdsDataset(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            return !matches(folder, FILES.get(0)).isEmpty();
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
        List<Path> found = matches(folder, base);
        if (found.isEmpty()) {
            throw new DatasetNotFoundException("Folder " + folder + " has no " + base + "[.gz]; an MNIST-format folder"
                    + " needs the four files " + String.join(", ", FILES) + " (each may end in .gz). It holds: "
                    + listing(folder) + ". Hint: download the missing file into that folder.", List.of(folder.toString()));
        }
        for (String exact : List.of(base, base + ".gz")) {
            for (Path p : found) {
                if (p.getFileName().toString().equals(exact)) {
                    return p;
                }
            }
        }
        if (found.size() > 1) {
            throw new DatasetNotFoundException("Folder " + folder + " has several files that could be " + base + ": "
                    + found + ". Hint: put each dataset (e.g. each EMNIST split) in a folder of its own.",
                    List.of(folder.toString()));
        }
        return found.get(0);
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
            files.filter(p -> pattern.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted().forEach(out::add);
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
