package org.nnlab.viz.nn;

import java.util.function.UnaryOperator;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Limits;

/**
 * The decision regions of any classifier of two inputs, with its data points on top.
 *
 * <p>The plane around the data (its range plus a margin of {@value #MARGIN}) is sampled on a
 * {@code resolution} × {@code resolution} grid and the predictor is called once on all grid
 * points, shape {@code (resolution², 2)}. Its output {@code (n, k)} is read as class scores: for
 * k = 1, class 1 where the output is ≥ 0.5 (a sigmoid unit); for k ≥ 2, the argmax. Region j is
 * filled with cycle colour Cj at alpha 0.3 and the points with the same colours and black rims,
 * as in the usual matplotlib recipe; the boundary itself is a thin black contour line computed from
 * the continuous output, so it is smooth where the filled cells step.
 */
public final class DecisionRegions {
    /** The margin around the data, in data units. */
    public static final double MARGIN = 0.5;

    private DecisionRegions() {
    }

    /**
     * Draws the regions and the points into {@code ax}.
     *
     * @param x the data, shape (n, 2)
     * @param labels the class of each row of x
     * @return the filled regions (band j is class j)
     */
    public static FilledContour draw(Axes ax, UnaryOperator<Tensor> predictor, Tensor x, int[] labels, int resolution) {
        requireTwoColumns(x, "x");
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException("DecisionRegions: " + labels.length + " labels for " + x.rows()
                    + " points; expected one label per row of x");
        }
        if (resolution < 2 || resolution > 2000) {
            throw new IllegalArgumentException("DecisionRegions: resolution (" + resolution + ") must be in 2..2000; 200 is typical");
        }
        double[] d = x.to(Precision.FLOAT64).data();
        Limits xr = range(d, 0);
        Limits yr = range(d, 1);
        double[] gx = linspace(xr.lo() - MARGIN, xr.hi() + MARGIN, resolution);
        double[] gy = linspace(yr.lo() - MARGIN, yr.hi() + MARGIN, resolution);
        double[] grid = new double[resolution * resolution * 2];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                grid[2 * (j * resolution + i)] = gx[i];
                grid[2 * (j * resolution + i) + 1] = gy[j];
            }
        }
        Tensor out = predictor.apply(Tensor.wrap(grid, resolution * resolution, 2));
        int k = out.rows() == resolution * resolution ? out.size() / out.rows() : -1;
        if (k < 1) {
            throw new IllegalArgumentException("DecisionRegions: the predictor returned shape "
                    + java.util.Arrays.toString(out.shape()) + " for " + resolution * resolution
                    + " grid points; expected (n, k) with one row per input row");
        }
        int[] cls = k == 1 ? threshold(out) : out.argmaxRows();
        int classes = Math.max(2, k);
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        double[][] z = new double[resolution][resolution];
        for (int j = 0; j < resolution; j++) {
            for (int i = 0; i < resolution; i++) {
                z[j][i] = cls[j * resolution + i];
            }
        }
        double[] levels = new double[classes + 1];
        String[] colors = new String[classes];
        for (int c = 0; c <= classes; c++) {
            levels[c] = c - 0.5;
        }
        for (int c = 0; c < classes; c++) {
            colors[c] = Color.cycle(c).hex();
        }
        FilledContour regions = ax.contourf(gx, gy, z).levels(levels).colors(colors).alpha(0.3);
        boundaries(ax, gx, gy, out.to(Precision.FLOAT64).data(), k);
        double[] px = new double[x.rows()];
        double[] py = new double[x.rows()];
        for (int r = 0; r < px.length; r++) {
            px[r] = d[2 * r];
            py[r] = d[2 * r + 1];
        }
        DataPoints.draw(ax, px, py, labels);
        ax.xlabel("$x_1$").ylabel("$x_2$");
        return regions;
    }

    /**
     * The decision boundary as a smooth black line over the filled cells: where the output crosses
     * 0.5 (k = 1), or where each class's score meets the best other score (k ≥ 2).
     */
    private static void boundaries(Axes ax, double[] gx, double[] gy, double[] p, int k) {
        int n = gx.length;
        for (int c = 0; c < (k <= 2 ? 1 : k); c++) {
            double[][] margin = new double[n][n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int row = (j * n + i) * k;
                    if (k == 1) {
                        margin[j][i] = p[row] - 0.5;
                    } else {
                        double other = Double.NEGATIVE_INFINITY;
                        for (int o = 0; o < k; o++) {
                            other = o == c ? other : Math.max(other, p[row + o]);
                        }
                        margin[j][i] = p[row + c] - other;
                    }
                }
            }
            ax.contour(gx, gy, margin, 0).color("k").lineWidth(1);
        }
    }

    private static int[] threshold(Tensor out) {
        int[] c = new int[out.rows()];
        double[] p = out.to(Precision.FLOAT64).data();
        for (int i = 0; i < c.length; i++) {
            c[i] = p[i] >= 0.5 ? 1 : 0;
        }
        return c;
    }

    static void requireTwoColumns(Tensor x, String what) {
        if (x.rank() != 2 || x.dim(1) != 2) {
            throw new IllegalArgumentException(what + " has shape " + java.util.Arrays.toString(x.shape())
                    + "; expected (n, 2): two input features per row. Hint: these figures show 2-D inputs only.");
        }
    }

    static Limits range(double[] d, int col) {
        return range(d, col, 2);
    }

    /** The finite range of column {@code col} of rows {@code stride} wide (a unit range around a single value). */
    static Limits range(double[] d, int col, int stride) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = col; i < d.length; i += stride) {
            if (Double.isFinite(d[i])) {
                lo = Math.min(lo, d[i]);
                hi = Math.max(hi, d[i]);
            }
        }
        if (!(lo < hi)) {
            return new Limits(lo > hi ? -1 : lo - 1, lo > hi ? 1 : lo + 1);
        }
        return new Limits(lo, hi);
    }

    static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }
}
