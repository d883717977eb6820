package org.nnlab.viz.plot;

/**
 * A horizontal or vertical reference line across the whole axes, made by {@link Axes#axhline} or
 * {@link Axes#axvline}; its value counts toward the autoscaled limits in its own direction.
 */
public final class RefLine extends Series {
    private final double value;
    private LineStyle lineStyle;
    private double lineWidth = 1.5;

    RefLine(SeriesKind kind, double value, PlotFormat format, Color color) {
        super(kind, color);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException((kind == SeriesKind.HLINE ? "axhline" : "axvline") + ": position ("
                    + value + ") must be finite");
        }
        this.value = value;
        this.lineStyle = format.lineStyle() == LineStyle.NONE ? LineStyle.SOLID : format.lineStyle();
    }

    /** The y (for {@code axhline}) or x (for {@code axvline}) of the line. */
    public double value() {
        return value;
    }

    @Override
    public LineStyle lineStyle() {
        return lineStyle;
    }

    /** The width in points. */
    public double lineWidth() {
        return lineWidth;
    }

    /** Sets the width in points. */
    public RefLine lineWidth(double w) {
        if (!(w > 0 && w < 100)) {
            throw new IllegalArgumentException("lineWidth (" + w + ") must be in (0, 100) points");
        }
        this.lineWidth = w;
        return this;
    }

    /** Sets the colour. */
    public RefLine color(String spec) {
        setColor(Color.parse(spec));
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public RefLine label(String label) {
        setLabel(label);
        return this;
    }

    /** Sets the opacity in [0, 1]. */
    public RefLine alpha(double alpha) {
        setAlpha(alpha);
        return this;
    }

    @Override
    public int pointCount() {
        return 1;
    }

    @Override
    public int skippedCount() {
        return 0;
    }

    @Override
    void extend(DataBounds bounds) {
        if (kind() == SeriesKind.HLINE) {
            bounds.y(value);
        } else {
            bounds.x(value);
        }
    }
}
