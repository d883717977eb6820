package org.nnlab.viz.nn;

import java.util.Arrays;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Sequential;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Limits;

/**
 * A 1-input, 1-output model's curve over its data, for a training movie: the points, and the
 * model's output on a grid across their range; for a network of one hidden layer and a linear
 * output, {@link ReluDecomposition}'s picture of the output as a sum of each unit's part instead.
 * The y range is the data's with a margin, the same in every frame.
 */
final class FittedCurve {
    /** Grid points across the data's x range. */
    static final int GRID = 121;

    private FittedCurve() {
    }

    static void draw(Axes ax, Sequential model, Tensor features, double[] y) {
        double[] x = features.to(Precision.FLOAT64).data();
        Limits xr = DecisionRegions.range(x, 0, 1);
        double[] grid = DecisionRegions.linspace(xr.lo(), xr.hi(), GRID);
        Dense[] pair = oneHiddenLayer(model);
        if (pair != null) {
            ReluDecomposition.draw(ax, pair[0], pair[1], grid, interpolate(x, y, grid));
        } else {
            ax.plot(x, y, "bo").alpha(0.4).label("data");
            ax.plot(grid, model.predict(Tensor.wrap(grid.clone(), grid.length, 1)).to(Precision.FLOAT64).data(), "r-").lineWidth(3).label("fit");
            ax.xlabel("$x$").ylabel("$y$").grid(0.3).legend();
        }
        Limits yr = DecisionRegions.range(y, 0, 1);
        double pad = 0.25 * yr.span();
        ax.xlim(xr.lo(), xr.hi()).ylim(yr.lo() - pad, yr.hi() + pad);
    }

    /** The hidden and output layers of a 1-H-1 network with a linear output, or null. */
    private static Dense[] oneHiddenLayer(Sequential model) {
        var layers = model.layers();
        if (layers.size() == 2 && layers.get(0) instanceof Dense h && layers.get(1) instanceof Dense o
                && o.activation() == Activation.LINEAR) {
            return new Dense[] {h, o};
        }
        return null;
    }

    /** The data's y at each grid point, linearly interpolated between the sorted data points. */
    private static double[] interpolate(double[] xs, double[] ys, double[] grid) {
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs[a], xs[b]));
        double[] out = new double[grid.length];
        int j = 0;
        for (int g = 0; g < grid.length; g++) {
            while (j < order.length - 2 && xs[order[j + 1]] < grid[g]) {
                j++;
            }
            double x0 = xs[order[j]];
            double x1 = xs[order[Math.min(j + 1, order.length - 1)]];
            double y0 = ys[order[j]];
            double y1 = ys[order[Math.min(j + 1, order.length - 1)]];
            double t = x1 == x0 ? 0 : Math.max(0, Math.min(1, (grid[g] - x0) / (x1 - x0)));
            out[g] = y0 + t * (y1 - y0);
        }
        return out;
    }
}
