package org.nnlab.viz.plot;

/**
 * Something drawn in an axes by one pyplot-like call (a line, a scatter, bars, an image, …).
 *
 * <p>A series is a data model first: its kind, colour, label and data can be queried without
 * drawing it. Non-finite values (NaN, ±∞) never break a figure: they are skipped when drawing and
 * counted by {@link #skippedCount()}. Setters return the series so calls chain like keyword
 * arguments: {@code ax.plot(x, y, "r--").lineWidth(2).label("train")}.
 */
public abstract class Series {
    private final SeriesKind kind;
    private String label;
    private double alpha = 1;
    private Color color;

    Series(SeriesKind kind, Color color) {
        this.kind = kind;
        this.color = color;
    }

    /** The pyplot call that made this series. */
    public final SeriesKind kind() {
        return kind;
    }

    /** The legend label, or null if the series has none (it then stays out of the legend). */
    public final String label() {
        return label;
    }

    /** Opacity in [0, 1]; 1 by default. */
    public final double alpha() {
        return alpha;
    }

    /** The main colour (for scatter with per-point colours, the colour the legend shows). */
    public final Color color() {
        return color;
    }

    /** The marker drawn at each point; {@link Marker#NONE} for kinds without markers. */
    public Marker marker() {
        return Marker.NONE;
    }

    /** The line style; {@link LineStyle#NONE} for kinds without lines. */
    public LineStyle lineStyle() {
        return LineStyle.NONE;
    }

    /** How many data points (or pixels, or grid cells) were given, finite or not. */
    public abstract int pointCount();

    /** How many of them are not drawn because a coordinate is NaN or infinite. */
    public abstract int skippedCount();

    /** Adds this series' finite data extent (and sticky edges) to {@code bounds}. */
    abstract void extend(DataBounds bounds);

    void setLabel(String label) {
        if (label != null) {
            Mathtext.parse(label);
        }
        this.label = label;
    }

    void setAlpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha (" + alpha + ") must be in [0, 1]; 0 is invisible, 1 opaque");
        }
        this.alpha = alpha;
    }

    void setColor(Color color) {
        this.color = java.util.Objects.requireNonNull(color, "color");
    }

    static int countNonFinite(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                n++;
            }
        }
        return n;
    }

    static void requireSameLength(String call, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException(call + ": x and y must not be null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(call + ": x has " + x.length + " values but y has " + y.length
                    + "; expected the same length. Hint: pass y alone to plot it against 0.."
                    + Math.max(0, y.length - 1) + ", or check that both arrays come from the same samples.");
        }
    }

    static void requireNonEmpty(String call, String what, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(call + ": " + what + " is empty; expected at least one value."
                    + " Hint: check the data was loaded before plotting.");
        }
    }
}
