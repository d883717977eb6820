package org.nnlab.viz.plot;

/**
 * A series of (x, y) points: the base of lines, scatters, stems and bars.
 */
public abstract class XYSeries extends Series {
    private final double[] x;
    private final double[] y;
    private final int skipped;

    XYSeries(SeriesKind kind, Color color, String call, double[] x, double[] y) {
        super(kind, color);
        requireSameLength(call, x, y);
        this.x = x.clone();
        this.y = y.clone();
        this.skipped = countNonFinite(x, y);
    }

    /** A copy of the x values. */
    public final double[] x() {
        return x.clone();
    }

    /** A copy of the y values. */
    public final double[] y() {
        return y.clone();
    }

    @Override
    public final int pointCount() {
        return x.length;
    }

    @Override
    public int skippedCount() {
        return skipped;
    }

    @Override
    void extend(DataBounds bounds) {
        for (int i = 0; i < x.length; i++) {
            bounds.point(x[i], y[i]);
        }
    }
}
