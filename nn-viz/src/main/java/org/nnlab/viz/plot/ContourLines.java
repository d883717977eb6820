package org.nnlab.viz.plot;

import java.util.Arrays;

/**
 * The line where values on a grid cross a level, made by {@link Axes#contour}: matplotlib's
 * {@code contour(X, Y, Z, levels=[0.5])}, the smooth edge of a decision region.
 *
 * <p>{@code z[j][i]} is the value at ({@code xs[i]}, {@code ys[j]}). Marching squares: in each
 * grid cell, the crossing on every edge whose ends lie on opposite sides of the level is placed by
 * linear interpolation, and the crossings are joined by straight segments (a saddle cell is
 * resolved by the cell's mean). Cells with a NaN corner draw nothing.
 */
public final class ContourLines extends Series {
    private final double[] xs;
    private final double[] ys;
    private final double level;
    private final double[] segments;
    private final int skipped;
    private double lineWidth = 1.5;
    private LineStyle lineStyle = LineStyle.SOLID;

    ContourLines(double[] xs, double[] ys, double[][] z, double level, Color color) {
        super(SeriesKind.CONTOUR, color);
        if (xs.length < 2 || ys.length < 2 || z.length != ys.length) {
            throw new IllegalArgumentException("contour: the grid is " + xs.length + " × " + ys.length + " with "
                    + z.length + " rows of z; expected at least 2 × 2 and one row of z per y."
                    + " Hint: Z has shape (len(ys), len(xs)).");
        }
        FilledContour.requireIncreasing("contour", "xs", xs);
        FilledContour.requireIncreasing("contour", "ys", ys);
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("contour: the level " + level + " must be finite, e.g. 0.5");
        }
        int bad = 0;
        for (int j = 0; j < z.length; j++) {
            if (z[j].length != xs.length) {
                throw new IllegalArgumentException("contour: row " + j + " of z has " + z[j].length
                        + " values but xs has " + xs.length + "; expected one value per x");
            }
            for (double v : z[j]) {
                bad += Double.isFinite(v) ? 0 : 1;
            }
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.level = level;
        this.skipped = bad;
        this.segments = march(xs, ys, z, level);
    }

    /** The level the line follows. */
    public double level() {
        return level;
    }

    /** The line's segments in data coordinates, {x0, y0, x1, y1} in turn. */
    public double[] segments() {
        return segments.clone();
    }

    /** The line width in points. */
    public double lineWidth() {
        return lineWidth;
    }

    @Override
    public LineStyle lineStyle() {
        return lineStyle;
    }

    /** Sets the line width in points. */
    public ContourLines lineWidth(double width) {
        if (!(width > 0 && width < 100)) {
            throw new IllegalArgumentException("lineWidth (" + width + ") must be in (0, 100) points; matplotlib's default is 1.5");
        }
        this.lineWidth = width;
        return this;
    }

    /** Sets the line style, e.g. {@link LineStyle#DASHED}. */
    public ContourLines lineStyle(LineStyle style) {
        this.lineStyle = java.util.Objects.requireNonNull(style, "style");
        return this;
    }

    /** Sets the colour. */
    public ContourLines color(String spec) {
        setColor(Color.parse(spec));
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public ContourLines label(String label) {
        setLabel(label);
        return this;
    }

    @Override
    public int pointCount() {
        return xs.length * ys.length;
    }

    @Override
    public int skippedCount() {
        return skipped;
    }

    @Override
    void extend(DataBounds bounds) {
        bounds.stickyX(xs[0]);
        bounds.stickyX(xs[xs.length - 1]);
        bounds.stickyY(ys[0]);
        bounds.stickyY(ys[ys.length - 1]);
    }

    private static double[] march(double[] xs, double[] ys, double[][] z, double level) {
        double[] out = new double[64];
        int n = 0;
        double[] cx = new double[4];
        double[] cy = new double[4];
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                // corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
                double[] v = {z[j][i], z[j][i + 1], z[j + 1][i + 1], z[j + 1][i]};
                double[] px = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
                double[] py = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
                if (!(Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]) && Double.isFinite(v[3]))) {
                    continue;
                }
                int k = 0;
                for (int e = 0; e < 4; e++) {
                    double a = v[e] - level;
                    double b = v[(e + 1) % 4] - level;
                    if ((a >= 0) != (b >= 0)) {
                        double t = a / (a - b);
                        cx[k] = px[e] + t * (px[(e + 1) % 4] - px[e]);
                        cy[k] = py[e] + t * (py[(e + 1) % 4] - py[e]);
                        k++;
                    }
                }
                if (k < 2) {
                    continue;
                }
                if (n + 8 > out.length) {
                    out = Arrays.copyOf(out, 2 * out.length);
                }
                if (k == 2) {
                    out[n++] = cx[0];
                    out[n++] = cy[0];
                    out[n++] = cx[1];
                    out[n++] = cy[1];
                } else {
                    // Saddle: crossings on all four edges. Pair them so the cell's mean side stays connected.
                    boolean meanAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
                    boolean firstAbove = v[0] >= level;
                    int[] pairs = meanAbove == firstAbove ? new int[] {0, 3, 1, 2} : new int[] {0, 1, 2, 3};
                    for (int p = 0; p < 4; p += 2) {
                        out[n++] = cx[pairs[p]];
                        out[n++] = cy[pairs[p]];
                        out[n++] = cx[pairs[p + 1]];
                        out[n++] = cy[pairs[p + 1]];
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }
}
