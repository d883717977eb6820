package org.nnlab.data.mnist;

import java.util.Arrays;
import java.util.List;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Examples;

/**
 * Grey-scale images with integer class labels, kept as bytes and turned into doubles one batch at
 * a time.
 *
 * <p>Features are the pixels scaled to [0, 1] as the lecture does ({@code pixel / 255.0}, so 0 is
 * background and 1 is full ink), shape {@code [rows, cols]} per image; the target is the class
 * index as a double, shape {@code []}, ready for sparse categorical cross-entropy. 60,000 28×28
 * images take 47 MB here against 376 MB as doubles. {@link #range(int, int)} is a view that
 * shares the bytes; {@link #featuresTensor()} converts everything when a user wants doubles.
 */
public final class LabeledImages implements Examples {
    /** {@code SCALE[b] = b / 255.0}: the exact double for every pixel value, looked up per pixel. */
    private static final double[] SCALE = new double[256];
    /** {@code SCALE32[b]}: {@code SCALE[b]} rounded to the nearest float. */
    private static final float[] SCALE32 = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            SCALE[b] = b / 255.0;
            SCALE32[b] = (float) SCALE[b];
        }
    }

    private final byte[] pixels;
    private final int[] labels;
    private final int first;
    private final int count;
    private final int rows;
    private final int cols;
    private final List<String> classNames;

    LabeledImages(byte[] pixels, int[] labels, int first, int count, int rows, int cols, List<String> classNames) {
        this.pixels = pixels;
        this.labels = labels;
        this.first = first;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Images from raw bytes: image {@code i} is {@code pixels[i·rows·cols ..]} row by row, its class
     * {@code labels[i]}; both arrays are used as they are (not copied).
     *
     * @throws IllegalArgumentException if the sizes disagree or a label has no class name
     */
    public static LabeledImages of(byte[] pixels, int[] labels, int rows, int cols, List<String> classNames) {
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + ((long) labels.length * rows * cols)
                    + " pixels of " + rows + "×" + cols + " images but got " + pixels.length
                    + ". Hint: there must be exactly one label per image.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Label " + i + " is " + labels[i] + " but the classes are 0.."
                        + (classNames.size() - 1) + " " + classNames + ". Hint: pass one class name per class.");
            }
        }
        return new LabeledImages(pixels, labels, 0, labels.length, rows, cols, classNames);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int[] featureShape() {
        return new int[] {rows, cols};
    }

    @Override
    public int[] targetShape() {
        return new int[0];
    }

    @Override
    public int featureSize() {
        return rows * cols;
    }

    @Override
    public int targetSize() {
        return 1;
    }

    @Override
    public void gatherFeatures(int[] indices, int from, int to, double[] into) {
        // into[r·w + p] = pixel p of image indices[from + r], divided by 255
        int w = rows * cols;
        for (int r = 0; r < to - from; r++) {
            int src = (first + indices[from + r]) * w;
            int dst = r * w;
            for (int p = 0; p < w; p++) {
                into[dst + p] = SCALE[pixels[src + p] & 0xFF];
            }
        }
    }

    /** The image bytes are only read. */
    @Override
    public boolean concurrentGathers() {
        return true;
    }

    /** As the double gather, each pixel's b / 255 rounded to float once (a float32 model's batch). */
    @Override
    public void gatherFeatures(int[] indices, int from, int to, float[] into) {
        int w = rows * cols;
        for (int r = 0; r < to - from; r++) {
            int src = (first + indices[from + r]) * w;
            int dst = r * w;
            for (int p = 0; p < w; p++) {
                into[dst + p] = SCALE32[pixels[src + p] & 0xFF];
            }
        }
    }

    @Override
    public void gatherTargets(int[] indices, int from, int to, double[] into) {
        for (int r = 0; r < to - from; r++) {
            into[r] = labels[first + indices[from + r]];
        }
    }

    /** Images {@code [from, to)} as a view sharing these bytes. */
    @Override
    public LabeledImages range(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IllegalArgumentException("Image range [" + from + ", " + to + ") is outside [0, " + count + ")");
        }
        return new LabeledImages(pixels, labels, first + from, to - from, rows, cols, classNames);
    }

    /** The height of each image in pixels. */
    public int rows() {
        return rows;
    }

    /** The width of each image in pixels. */
    public int cols() {
        return cols;
    }

    /** Image {@code i} scaled to [0, 1], shape {@code [rows, cols]}. */
    public Tensor image(int i) {
        Tensor t = Tensor.zeros(rows, cols);
        gatherFeatures(new int[] {checkIndex(i)}, 0, 1, t.data());
        return t;
    }

    /** The raw pixels of image {@code i}, 0 to 255 as unsigned bytes (read with {@code b & 0xFF}), a copy. */
    public byte[] pixels(int i) {
        int w = rows * cols;
        int start = (first + checkIndex(i)) * w;
        return Arrays.copyOfRange(pixels, start, start + w);
    }

    /** The class of image {@code i}. */
    public int label(int i) {
        return labels[first + checkIndex(i)];
    }

    /** The class of every image, a copy. */
    public int[] labels() {
        return Arrays.copyOfRange(labels, first, first + count);
    }

    /** The names of the classes, index = label, e.g. {@code [T-shirt/top, Trouser, …]} or {@code [0, 1, …]}. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** How many images each class has: {@code histogram[c]} counts label {@code c}. */
    public int[] labelHistogram() {
        int[] h = new int[classNames.size()];
        for (int i = first; i < first + count; i++) {
            h[labels[i]]++;
        }
        return h;
    }

    /** All images scaled to [0, 1] as doubles, shape {@code [size, rows, cols]} (8 bytes per pixel). */
    public Tensor featuresTensor() {
        Tensor t = Tensor.zeros(count, rows, cols);
        gatherFeatures(identity(count), 0, count, t.data());
        return t;
    }

    /** The labels as doubles, shape {@code [size]}. */
    public Tensor labelsTensor() {
        Tensor t = Tensor.zeros(count);
        gatherTargets(identity(count), 0, count, t.data());
        return t;
    }

    /** The labels one-hot encoded, shape {@code [size, numClasses]}. */
    public Tensor oneHotLabels() {
        int k = classNames.size();
        Tensor t = Tensor.zeros(count, k);
        for (int i = 0; i < count; i++) {
            t.data()[i * k + labels[first + i]] = 1.0;
        }
        return t;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("Image " + i + " is outside [0, " + count + ")");
        }
        return i;
    }

    /** The count, image size and classes, e.g. {@code LabeledImages[8000 × 28×28, 10 classes]}. */
    @Override
    public String toString() {
        return "LabeledImages[" + count + " × " + rows + "×" + cols + ", " + classNames.size() + " classes]";
    }
}
