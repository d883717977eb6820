package org.nnlab.curriculum.lecture;

import java.util.Locale;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;
import org.nnlab.viz.plot.Axes;

/** The figure pieces several lessons share, in the lecture's matplotlib style. */
final class LessonFigures {
    /** The lecture's {@code fontsize=15} for axis labels, ticks and legends. */
    static final double FONT = 15;

    private LessonFigures() {
    }

    /**
     * The lecture's class scatter: {@code plt.plot(x1, x2, 'bo', alpha=0.4, label='C0')}, the same in
     * {@code 'ro'} for class 1, and {@code plt.legend(loc=1)}.
     */
    static void classes(Axes ax, Dataset data) {
        Tensor x = data.features();
        int[] labels = labels(data);
        for (int c = 0; c < 2; c++) {
            int n = 0;
            for (int label : labels) {
                n += label == c ? 1 : 0;
            }
            double[] x1 = new double[n];
            double[] x2 = new double[n];
            int k = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    x1[k] = x.get(i, 0);
                    x2[k++] = x.get(i, 1);
                }
            }
            ax.plot(x1, x2, c == 0 ? "bo" : "ro").alpha(0.4).label("C" + c);
        }
        ax.legend(1, FONT);
    }

    /** Draws the line w1·x1 + w2·x2 + b = 0 across [xmin, xmax] with a matplotlib format string, 3 pt wide. */
    static void line(Axes ax, double w1, double w2, double b, double xmin, double xmax, String fmt, String label) {
        if (Math.abs(w2) < 1e-12) {
            ax.axvline(-b / w1, fmt).lineWidth(3).label(label);
            return;
        }
        ax.plot(new double[] {xmin, xmax}, new double[] {-(w1 * xmin + b) / w2, -(w1 * xmax + b) / w2}, fmt)
                .lineWidth(3).label(label);
    }

    /** The 0/1 targets of a dataset as class indices. */
    static int[] labels(Dataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.targets().get(i) > 0.5 ? 1 : 0;
        }
        return labels;
    }

    /**
     * A weight array as numpy prints a float32 array ({@code print(w)}), rows in brackets:
     * {@code [[ 1.2345678]\n [-0.5      ]]} is written here with 7 significant decimals per value.
     */
    static String numpy(double[][] rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows.length; r++) {
            sb.append(r == 0 ? "[" : "\n [");
            for (int c = 0; c < rows[r].length; c++) {
                sb.append(c == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.7f", rows[r][c]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** A 1-D weight array as numpy prints it: {@code [-0.1234567  0.7654321]}. */
    static String numpy(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.7f", values[i]));
        }
        return sb.append(']').toString();
    }
}
