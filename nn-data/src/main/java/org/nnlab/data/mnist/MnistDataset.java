package org.nnlab.data.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nnlab.data.idx.IdxArray;
import org.nnlab.data.idx.IdxFormatException;
import org.nnlab.data.idx.IdxReader;
import org.nnlab.data.idx.IdxType;

/**
 * An MNIST-format dataset: a training and a test split of labelled grey-scale images.
 *
 * <p>{@link #load(Path)} reads a folder holding the four standard IDX files (see
 * {@link MnistFolder} for the names accepted), which covers MNIST, Fashion-MNIST, Kuzushiji-MNIST
 * and EMNIST. {@link #builtin()} reads the 10,000 real MNIST digits shipped inside this jar (8,000
 * train, 2,000 test; CC BY-SA 3.0, see {@link #builtinNotice()}). {@link DatasetResolver} finds a
 * dataset by name. Pixels stay bytes; each split is an {@link org.nnlab.core.train.Examples} that
 * scales a batch at a time to [0, 1].
 *
 * <p>Class names follow the dataset's name: Fashion-MNIST's ten clothing names when the name
 * contains {@code fashion}, Kuzushiji-MNIST's romanised kana when it contains {@code kmnist} or
 * {@code kuzushiji}, otherwise the label numbers {@code "0"}, {@code "1"}, … up to the largest
 * label present (at least ten).
 */
public final class MnistDataset {
    /** Fashion-MNIST's class names, index = label. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Kuzushiji-MNIST's classes, the romanised hiragana お き す つ な は ま や れ を. */
    public static final List<String> KUZUSHIJI_CLASSES = List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya",
            "re", "wo");
    /** The classpath folder of the built-in digits. */
    static final String BUILTIN_RESOURCE = "/org/nnlab/data/mnist10k/";

    private final String name;
    private final String source;
    private final LabeledImages train;
    private final LabeledImages test;

    private MnistDataset(String name, String source, LabeledImages train, LabeledImages test) {
        this.name = name;
        this.source = source;
        this.train = train;
        this.test = test;
    }

    /**
     * Loads the dataset called {@code name} from the places {@link DatasetResolver#system()} searches:
     * {@code "mnist-10k"} is the built-in digits, {@code "fashion-mnist"} is found in Debian's package.
     *
     * @throws org.nnlab.data.DatasetNotFoundException listing every place tried, if none holds it
     */
    public static MnistDataset named(String name) throws IOException {
        return DatasetResolver.system().load(name);
    }

    /** Loads the folder {@code folder}, naming the dataset after the folder. */
    public static MnistDataset load(Path folder) throws IOException {
        Path fileName = folder.toAbsolutePath().normalize().getFileName();
        return load(folder, fileName == null ? "mnist" : fileName.toString());
    }

    /**
     * Loads the four IDX files in {@code folder} as dataset {@code name} (which picks the class names).
     *
     * @throws org.nnlab.data.DatasetNotFoundException if a file is missing
     * @throws IdxFormatException if a file is damaged or images and labels do not match
     */
    public static MnistDataset load(Path folder, String name) throws IOException {
        IdxArray[] parts = new IdxArray[4];
        String[] sources = new String[4];
        for (int i = 0; i < 4; i++) {
            Path file = MnistFolder.find(folder, MnistFolder.FILES.get(i));
            sources[i] = file.toString();
            parts[i] = IdxReader.read(file);
        }
        return assemble(name, folder.toString(), parts, sources);
    }

    /**
     * Loads one split of the dataset in {@code folder}, e.g. only the 60,000 training images; class
     * names as for {@link #load(Path, String)}, numbered up to this split's largest label.
     */
    public static LabeledImages loadSplit(Path folder, String name, MnistSplit split) throws IOException {
        Path imagesFile = MnistFolder.find(folder, split.imagesFile());
        Path labelsFile = MnistFolder.find(folder, split.labelsFile());
        IdxArray images = IdxReader.read(imagesFile);
        IdxArray labels = IdxReader.read(labelsFile);
        requireImages(images, imagesFile.toString());
        requireLabels(labels, labelsFile.toString());
        requireSameCount(images, imagesFile.toString(), labels, labelsFile.toString());
        int[] y = toInts(labels);
        return LabeledImages.of(images.bytes(), y, images.dim(1), images.dim(2), classNamesFor(name, max(y) + 1));
    }

    /** The 10,000 MNIST digits shipped in this jar: 8,000 for training, 2,000 for testing. */
    public static MnistDataset builtin() {
        IdxArray[] parts = new IdxArray[4];
        String[] sources = new String[4];
        try {
            for (int i = 0; i < 4; i++) {
                sources[i] = "classpath:" + BUILTIN_RESOURCE + MnistFolder.FILES.get(i) + ".gz";
                try (InputStream in = resource(MnistFolder.FILES.get(i) + ".gz")) {
                    parts[i] = IdxReader.read(in, sources[i]);
                }
            }
            return assemble(DatasetResolver.BUILTIN, "classpath:" + BUILTIN_RESOURCE, parts, sources);
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in MNIST digits in the nn-data jar cannot be read: "
                    + e.getMessage() + ". Hint: the jar is damaged; rebuild nn-data.", e);
        }
    }

    /** The provenance and licence notice of the built-in digits (their README, CC BY-SA 3.0). */
    public static String builtinNotice() {
        try (InputStream in = resource("README.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class names the dataset called {@code name} uses for labels {@code 0 .. numClasses − 1}. */
    public static List<String> classNamesFor(String name, int numClasses) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("fashion") && numClasses <= FASHION_CLASSES.size()) {
            return FASHION_CLASSES;
        }
        if ((n.contains("kmnist") || n.contains("kuzushiji")) && numClasses <= KUZUSHIJI_CLASSES.size()) {
            return KUZUSHIJI_CLASSES;
        }
        List<String> digits = new ArrayList<>();
        for (int c = 0; c < Math.max(10, numClasses); c++) {
            digits.add(Integer.toString(c));
        }
        return digits;
    }

    /** The dataset's name, e.g. {@code fashion-mnist} or {@code mnist-10k}. */
    public String name() {
        return name;
    }

    /** Where it was loaded from: a folder, or {@code classpath:…} for the built-in digits. */
    public String source() {
        return source;
    }

    /** The training split. */
    public LabeledImages train() {
        return train;
    }

    /** The test split (the {@code t10k} files). */
    public LabeledImages test() {
        return test;
    }

    /** The class names, index = label. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** Name, source and split sizes, e.g. {@code MnistDataset[mnist-10k: 8000 train, 2000 test, 28×28]}. */
    @Override
    public String toString() {
        return "MnistDataset[" + name + ": " + train.size() + " train, " + test.size() + " test, " + train.rows()
                + "×" + train.cols() + ", from " + source + "]";
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = MnistDataset.class.getResourceAsStream(BUILTIN_RESOURCE + file);
        if (in == null) {
            throw new IOException("classpath resource " + BUILTIN_RESOURCE + file + " is missing");
        }
        return in;
    }

    private static MnistDataset assemble(String name, String source, IdxArray[] parts, String[] sources)
            throws IdxFormatException {
        requireImages(parts[0], sources[0]);
        requireLabels(parts[1], sources[1]);
        requireImages(parts[2], sources[2]);
        requireLabels(parts[3], sources[3]);
        requireSameCount(parts[0], sources[0], parts[1], sources[1]);
        requireSameCount(parts[2], sources[2], parts[3], sources[3]);
        if (parts[0].dim(1) != parts[2].dim(1) || parts[0].dim(2) != parts[2].dim(2)) {
            throw new IdxFormatException(sources[2], 8, "test images are " + parts[2].dim(1) + "×" + parts[2].dim(2)
                    + " but training images (" + sources[0] + ") are " + parts[0].dim(1) + "×" + parts[0].dim(2)
                    + ". Hint: the files come from different datasets.", null);
        }
        int[] trainLabels = toInts(parts[1]);
        int[] testLabels = toInts(parts[3]);
        int maxLabel = Math.max(max(trainLabels), max(testLabels));
        List<String> classes = classNamesFor(name, maxLabel + 1);
        LabeledImages train = LabeledImages.of(parts[0].bytes(), trainLabels, parts[0].dim(1), parts[0].dim(2), classes);
        LabeledImages test = LabeledImages.of(parts[2].bytes(), testLabels, parts[2].dim(1), parts[2].dim(2), classes);
        return new MnistDataset(name, source, train, test);
    }

    private static void requireImages(IdxArray a, String source) throws IdxFormatException {
        if (a.type() != IdxType.UNSIGNED_BYTE || a.rank() != 3) {
            throw new IdxFormatException(source, 2, "expected images (unsigned bytes, 3 dimensions: count × rows ×"
                    + " cols) but found " + a + ". Hint: is this an images file in the labels' place?", null);
        }
    }

    private static void requireLabels(IdxArray a, String source) throws IdxFormatException {
        if (a.type() != IdxType.UNSIGNED_BYTE || a.rank() != 1) {
            throw new IdxFormatException(source, 2, "expected labels (unsigned bytes, 1 dimension) but found " + a
                    + ". Hint: is this a labels file?", null);
        }
    }

    private static void requireSameCount(IdxArray images, String imageSource, IdxArray labels, String labelSource)
            throws IdxFormatException {
        if (images.dim(0) != labels.dim(0)) {
            throw new IdxFormatException(labelSource, 4, "has " + labels.dim(0) + " labels at offset 4 but "
                    + imageSource + " has " + images.dim(0) + " images; every image needs exactly one label."
                    + " Hint: the two files come from different datasets or versions; fetch them together.", null);
        }
    }

    private static int[] toInts(IdxArray labels) {
        byte[] b = labels.bytes();
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }

    private static int max(int[] v) {
        return Arrays.stream(v).max().orElse(-1);
    }
}
