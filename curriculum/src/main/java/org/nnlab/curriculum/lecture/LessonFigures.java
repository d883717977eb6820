package org.nnlab.curriculum.lecture;

import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;
import org.nnlab.viz.nn.DataPoints;
import org.nnlab.viz.plot.Axes;

/** The figure pieces several lessons share: data by class and boundary lines. */
final class LessonFigures {
    private LessonFigures() {
    }

    /** Scatters a 2-feature dataset with 0/1 targets, coloured by class and sized by their number. */
    static void scatterClasses(Axes ax, Dataset data) {
        Tensor x = data.features();
        double[] x1 = new double[x.rows()];
        double[] x2 = new double[x.rows()];
        for (int i = 0; i < x1.length; i++) {
            x1[i] = x.get(i, 0);
            x2[i] = x.get(i, 1);
        }
        DataPoints.draw(ax, x1, x2, labels(data));
    }

    /** Draws the line w1·x1 + w2·x2 + b = 0 across [xmin, xmax] with a matplotlib format string. */
    static void line(Axes ax, double w1, double w2, double b, double xmin, double xmax, String fmt, String label) {
        if (Math.abs(w2) < 1e-12) {
            ax.axvline(-b / w1, fmt);
            return;
        }
        ax.plot(new double[] {xmin, xmax}, new double[] {-(w1 * xmin + b) / w2, -(w1 * xmax + b) / w2}, fmt).label(label);
    }

    /** The 0/1 targets of a dataset as class indices. */
    static int[] labels(Dataset data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.targets().get(i) > 0.5 ? 1 : 0;
        }
        return labels;
    }
}
