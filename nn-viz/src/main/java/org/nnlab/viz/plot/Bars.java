package org.nnlab.viz.plot;

import java.util.List;

/**
 * Vertical bars from 0 to each height, made by {@link Axes#bar} or {@link Axes#hist}.
 *
 * <p>{@link #x()} holds the bar centres and {@link #y()} the heights; for a histogram
 * {@link #edges()} holds the bin edges and the heights are the counts (or densities). Bars with
 * a non-finite centre or height are skipped. The base at 0 is a sticky edge: autoscaling adds no
 * margin below it, as in matplotlib.
 */
public final class Bars extends XYSeries {
    private final double[] widths;
    private final double[] edges;
    private final List<String> categories;
    private Color edgeColor;
    private int droppedSamples;

    Bars(SeriesKind kind, double[] centers, double[] heights, double[] widths, double[] edges,
         List<String> categories, Color color) {
        super(kind, color, kind == SeriesKind.HIST ? "hist" : "bar", centers, heights);
        this.widths = widths.clone();
        this.edges = edges == null ? null : edges.clone();
        this.categories = categories == null ? null : List.copyOf(categories);
    }

    /**
     * Bins {@code data} like {@code numpy.histogram}: equal bins over {@code range} (or the finite
     * data range), each half-open [a, b) except the last, which is closed.
     */
    static Bars histogram(double[] data, int bins, Limits range, Color color) {
        if (bins < 1) {
            throw new IllegalArgumentException("hist: bins (" + bins + ") must be >= 1. Hint: 10 to 30 bins suit most data.");
        }
        requireNonEmpty("hist", "data", data.length);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int dropped = 0;
        for (double v : data) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                dropped++;
            }
        }
        if (dropped == data.length) {
            throw new IllegalArgumentException("hist: all " + data.length + " samples are NaN or infinite;"
                    + " expected at least one finite value. Hint: check for a diverged computation.");
        }
        if (range != null) {
            lo = range.lo();
            hi = range.hi();
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        double[] centers = new double[bins];
        double[] widths = new double[bins];
        double[] counts = new double[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + i * width;
        }
        for (int i = 0; i < bins; i++) {
            centers[i] = (edges[i] + edges[i + 1]) / 2;
            widths[i] = edges[i + 1] - edges[i];
        }
        for (double v : data) {
            if (Double.isFinite(v) && v >= lo && v <= hi) {
                counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        Bars b = new Bars(SeriesKind.HIST, centers, counts, widths, edges, null, color);
        b.droppedSamples = dropped;
        return b;
    }

    @Override
    public int skippedCount() {
        return super.skippedCount() + droppedSamples;
    }

    /** A copy of the bar widths in data units. */
    public double[] widths() {
        return widths.clone();
    }

    /** The histogram's bin edges (bins + 1 values), or null for {@code bar}. */
    public double[] edges() {
        return edges == null ? null : edges.clone();
    }

    /** The category names used as x tick labels, or null when bars sit at numeric positions. */
    public List<String> categories() {
        return categories;
    }

    /** The bar outline colour, or null for no outline (the default). */
    public Color edgeColor() {
        return edgeColor;
    }

    /** Sets the fill colour. */
    public Bars color(String spec) {
        setColor(Color.parse(spec));
        return this;
    }

    /** Sets an outline colour, e.g. {@code "k"} or {@code "w"} to separate adjacent histogram bins. */
    public Bars edgeColor(String spec) {
        this.edgeColor = Color.parse(spec);
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public Bars label(String label) {
        setLabel(label);
        return this;
    }

    /** Sets the opacity in [0, 1]. */
    public Bars alpha(double alpha) {
        setAlpha(alpha);
        return this;
    }

    @Override
    void extend(DataBounds bounds) {
        double[] x = x();
        double[] h = y();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(h[i])) {
                bounds.x(x[i] - widths[i] / 2);
                bounds.x(x[i] + widths[i] / 2);
                bounds.y(h[i]);
            }
        }
        bounds.stickyY(0);
    }
}
