package org.nnlab.curriculum.lecture;

import java.util.function.UnaryOperator;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;
import org.nnlab.data.Dataset;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/** The figure pieces several lessons share: data by class, boundary lines, decision regions, curves. */
final class LessonFigures {
    private LessonFigures() {
    }

    /** Scatters a 2-feature dataset with 0/1 targets, class 0 in blue and class 1 in orange. */
    static void scatterClasses(Axes ax, Dataset data) {
        Tensor x = data.features();
        int n = x.rows();
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = x.get(i, 0);
            x2[i] = x.get(i, 1);
            classes[i] = data.targets().get(i) > 0.5 ? 1 : 0;
        }
        ax.scatter(x1, x2).classes(classes).size(10).alpha(0.7);
    }

    /** Draws the line w1·x1 + w2·x2 + b = 0 across [xmin, xmax] with a matplotlib format string. */
    static void line(Axes ax, double w1, double w2, double b, double xmin, double xmax, String fmt, String label) {
        if (Math.abs(w2) < 1e-12) {
            ax.axvline(-b / w1, fmt);
            return;
        }
        ax.plot(new double[] {xmin, xmax}, new double[] {-(w1 * xmin + b) / w2, -(w1 * xmax + b) / w2}, fmt).label(label);
    }

    /**
     * Fills the plane by the predicted probability of class 1 on a grid, with the 0.5 level as the
     * boundary between the two colours.
     */
    static void decisionRegion(Axes ax, UnaryOperator<Tensor> predict, double xmin, double xmax, double ymin,
                               double ymax, int resolution) {
        double[] xs = new double[resolution];
        double[] ys = new double[resolution];
        Tensor grid = Tensor.zeros(resolution * resolution, 2);
        for (int i = 0; i < resolution; i++) {
            xs[i] = xmin + (xmax - xmin) * i / (resolution - 1);
            ys[i] = ymin + (ymax - ymin) * i / (resolution - 1);
        }
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                grid.set(r * resolution + c, 0, xs[c]);
                grid.set(r * resolution + c, 1, ys[r]);
            }
        }
        Tensor p = predict.apply(grid);
        double[][] z = new double[resolution][resolution];
        for (int r = 0; r < resolution; r++) {
            for (int c = 0; c < resolution; c++) {
                z[r][c] = p.get(r * resolution + c);
            }
        }
        ax.contourf(xs, ys, z).levels(0, 0.5, 1).colors("#c6dbef", "#fdd0a2");
    }

    /** Loss (left) and accuracy or another metric (right) per epoch, train and validation. */
    static Figure curves(History history, String metric) {
        Figure figure = new Figure(10, 3.6);
        var axes = figure.subplots(1, 2);
        String[] keys = {"loss", metric};
        for (int k = 0; k < 2; k++) {
            Axes ax = axes.get(k);
            double[] train = history.get(keys[k]);
            double[] epochs = new double[train.length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            ax.plot(epochs, train, "o-").label("train");
            if (history.has("val_" + keys[k])) {
                ax.plot(epochs, history.get("val_" + keys[k]), "s--").label("validation");
            }
            ax.xlabel("epoch").ylabel(keys[k]).title(keys[k]).grid(0.3).legend();
        }
        return figure;
    }
}
