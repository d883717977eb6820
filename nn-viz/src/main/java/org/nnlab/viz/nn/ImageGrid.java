package org.nnlab.viz.nn;

import java.util.List;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Mathtext;

/**
 * A grid of grey images (e.g. MNIST digits) titled with their true and predicted labels; wrong
 * predictions are titled in red, as in the lecture's "misclassified digits" figure.
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    /**
     * One axes per image, {@code cols} per row, 1.3 inches each.
     *
     * @param images shape (n, height·width), one flattened image per row, e.g. (16, 784)
     * @param width image width in pixels (height is the row size divided by it)
     * @param predicted predicted labels, or null to title with the true labels only
     */
    public static Figure figure(Tensor images, int width, int[] truth, int[] predicted, int cols) {
        return figure(images, width, truth, predicted, cols, null);
    }

    /**
     * The grid titled with class names, e.g. Fashion-MNIST's "Trouser → Dress" (in a smaller font
     * when names are long), or with the label numbers when {@code classNames} is null.
     */
    public static Figure figure(Tensor images, int width, int[] truth, int[] predicted, int cols, List<String> classNames) {
        int n = images.rows();
        int size = images.size() / Math.max(1, n);
        if (n == 0 || width <= 0 || size % width != 0) {
            throw new IllegalArgumentException("ImageGrid: " + n + " images of " + size + " pixels cannot be cut into rows of "
                    + width + " pixels; expected (n, height·width) with n > 0. Hint: 28 for MNIST.");
        }
        if (truth.length != n || (predicted != null && predicted.length != n)) {
            throw new IllegalArgumentException("ImageGrid: " + n + " images but " + truth.length + " true and "
                    + (predicted == null ? 0 : predicted.length) + " predicted labels; expected one label per image");
        }
        int c = Math.max(1, Math.min(cols, n));
        int r = (n + c - 1) / c;
        Figure fig = new Figure(1.3 * c, 1.45 * r);
        List<Axes> axes = fig.subplots(r, c);
        double[] d = images.to(Precision.FLOAT64).data();
        int height = size / width;
        for (int i = 0; i < axes.size(); i++) {
            Axes ax = axes.get(i).axisOff();
            if (i >= n) {
                continue;
            }
            double[][] px = new double[height][width];
            for (int y = 0; y < height; y++) {
                System.arraycopy(d, i * size + y * width, px[y], 0, width);
            }
            ax.imshow(px).cmap(Colormap.GRAY);
            if (predicted == null) {
                ax.title(name(classNames, truth[i]));
            } else {
                String t = name(classNames, truth[i]) + " → " + name(classNames, predicted[i]);
                ax.title(t, t.length() > 12 ? 6.5 : Figure.TITLE_SCALE * Figure.DEFAULT_FONT_SIZE);
                if (truth[i] != predicted[i]) {
                    ax.titleColor("r");
                }
            }
        }
        return fig.title(predicted == null ? "Images with their labels" : "Images: true → predicted label");
    }

    private static String name(List<String> classNames, int label) {
        if (classNames == null) {
            return String.valueOf(label);
        }
        if (label < 0 || label >= classNames.size()) {
            throw new IllegalArgumentException("ImageGrid: label " + label + " has no class name; there are "
                    + classNames.size() + " names");
        }
        return Mathtext.escape(classNames.get(label));
    }
}
