package org.nnlab.viz.plot;

/**
 * A stem plot, made by {@link Axes#stem}: a vertical line from the baseline 0 to each y with a
 * circle on top, and a red baseline ({@code C3}), as in matplotlib 3.
 */
public final class Stem extends XYSeries {
    private Color baselineColor = Color.cycle(3);

    Stem(double[] x, double[] y, Color color) {
        super(SeriesKind.STEM, color, "stem", x, y);
    }

    @Override
    public Marker marker() {
        return Marker.CIRCLE;
    }

    @Override
    public LineStyle lineStyle() {
        return LineStyle.SOLID;
    }

    /** The colour of the horizontal line at y = 0. */
    public Color baselineColor() {
        return baselineColor;
    }

    /** Sets the stem and marker colour. */
    public Stem color(String spec) {
        setColor(Color.parse(spec));
        return this;
    }

    /** Sets the baseline colour. */
    public Stem baselineColor(String spec) {
        this.baselineColor = Color.parse(spec);
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public Stem label(String label) {
        setLabel(label);
        return this;
    }

    @Override
    void extend(DataBounds bounds) {
        super.extend(bounds);
        bounds.y(0);
    }
}
