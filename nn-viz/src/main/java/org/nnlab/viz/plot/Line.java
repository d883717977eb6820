package org.nnlab.viz.plot;

/**
 * A line with optional markers, made by {@link Axes#plot}.
 *
 * <p>Defaults are matplotlib's: line width 1.5 pt, marker size 6 pt. As in matplotlib, the line
 * breaks into separate segments at a point with a NaN or infinite coordinate.
 */
public final class Line extends XYSeries {
    private LineStyle lineStyle;
    private Marker marker;
    private double lineWidth = 1.5;
    private double markerSize = 6;

    Line(double[] x, double[] y, PlotFormat format, Color color) {
        super(SeriesKind.LINE, color, "plot", x, y);
        this.lineStyle = format.lineStyle();
        this.marker = format.marker();
    }

    @Override
    public LineStyle lineStyle() {
        return lineStyle;
    }

    @Override
    public Marker marker() {
        return marker;
    }

    /** The line width in points. */
    public double lineWidth() {
        return lineWidth;
    }

    /** The marker size (diameter) in points. */
    public double markerSize() {
        return markerSize;
    }

    /** Sets the colour from a spec such as {@code "C2"} or {@code "#333"}. */
    public Line color(String spec) {
        setColor(Color.parse(spec));
        return this;
    }

    /** Sets the colour. */
    public Line color(Color c) {
        setColor(c);
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public Line label(String label) {
        setLabel(label);
        return this;
    }

    /** Sets the opacity in [0, 1]. */
    public Line alpha(double alpha) {
        setAlpha(alpha);
        return this;
    }

    /** Sets the line width in points (&gt; 0). */
    public Line lineWidth(double width) {
        if (!(width > 0 && width < 100)) {
            throw new IllegalArgumentException("lineWidth (" + width + ") must be in (0, 100) points; matplotlib's default is 1.5");
        }
        this.lineWidth = width;
        return this;
    }

    /** Sets the line style. */
    public Line lineStyle(LineStyle style) {
        this.lineStyle = java.util.Objects.requireNonNull(style, "style");
        return this;
    }

    /** Sets the marker. */
    public Line marker(Marker m) {
        this.marker = java.util.Objects.requireNonNull(m, "marker");
        return this;
    }

    /** Sets the marker diameter in points (&gt; 0). */
    public Line markerSize(double size) {
        if (!(size > 0 && size < 200)) {
            throw new IllegalArgumentException("markerSize (" + size + ") must be in (0, 200) points; matplotlib's default is 6");
        }
        this.markerSize = size;
        return this;
    }
}
