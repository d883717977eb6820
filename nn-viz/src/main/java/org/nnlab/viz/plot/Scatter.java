package org.nnlab.viz.plot;

import java.util.Objects;

/**
 * Points drawn with a marker each, made by {@link Axes#scatter}.
 *
 * <p>Sizes are areas in points², like matplotlib's {@code s} (default 36, a 6-point circle).
 * Colours are one colour for all points, or one per point ({@link #colors}, {@link #classes},
 * {@link #values}). Points with a non-finite coordinate are skipped.
 */
public final class Scatter extends XYSeries {
    private Marker marker = Marker.CIRCLE;
    private Color[] pointColors;
    private double[] sizes;
    private double size = 36;
    private Color edgeColor;

    Scatter(double[] x, double[] y, Color color) {
        super(SeriesKind.SCATTER, color, "scatter", x, y);
    }

    @Override
    public Marker marker() {
        return marker;
    }

    /** Per-point colours, or null when all points share {@link #color()}. */
    public Color[] pointColors() {
        return pointColors == null ? null : pointColors.clone();
    }

    /** The area of point {@code i} in points². */
    public double sizeOf(int i) {
        return sizes == null ? size : sizes[i];
    }

    /** The marker edge colour, or null for no edge (matplotlib's default for filled markers). */
    public Color edgeColor() {
        return edgeColor;
    }

    /** Sets one colour for all points, from a spec such as {@code "r"}. */
    public Scatter color(String spec) {
        return color(Color.parse(spec));
    }

    /** Sets one colour for all points. */
    public Scatter color(Color c) {
        setColor(c);
        pointColors = null;
        return this;
    }

    /** Sets one colour per point. */
    public Scatter colors(Color... colors) {
        requireLength("colors", colors.length);
        for (Color c : colors) {
            Objects.requireNonNull(c, "colors must not contain null");
        }
        pointColors = colors.clone();
        return this;
    }

    /** Colours point {@code i} with cycle colour {@code C<classes[i]>}: one colour per class label. */
    public Scatter classes(int... classes) {
        requireLength("classes", classes.length);
        Color[] cs = new Color[classes.length];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = Color.cycle(classes[i]);
        }
        pointColors = cs;
        return this;
    }

    /** Colours point {@code i} by {@code cmap((c[i] − min) / (max − min))}, like {@code c=…, cmap=…}. */
    public Scatter values(double[] c, Colormap cmap) {
        requireLength("values", c.length);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : c) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        Color[] cs = new Color[c.length];
        for (int i = 0; i < c.length; i++) {
            Color k = cmap.at(hi > lo ? (c[i] - lo) / (hi - lo) : 0.5);
            cs[i] = k == null ? Color.parse("0.5") : k;
        }
        pointColors = cs;
        return this;
    }

    /** Sets the marker. */
    public Scatter marker(Marker m) {
        this.marker = Objects.requireNonNull(m, "marker");
        return this;
    }

    /** Sets one area (points²) for all points. */
    public Scatter size(double s) {
        this.size = requireSize(s);
        this.sizes = null;
        return this;
    }

    /** Sets one area (points²) per point. */
    public Scatter sizes(double... s) {
        requireLength("sizes", s.length);
        for (double v : s) {
            requireSize(v);
        }
        this.sizes = s.clone();
        return this;
    }

    /** Sets the marker edge colour (a 0.5-point outline), e.g. {@code "k"} for black rims. */
    public Scatter edgeColor(String spec) {
        this.edgeColor = Color.parse(spec);
        return this;
    }

    /** Sets the legend label (mathtext allowed). */
    public Scatter label(String label) {
        setLabel(label);
        return this;
    }

    /** Sets the opacity in [0, 1]. */
    public Scatter alpha(double alpha) {
        setAlpha(alpha);
        return this;
    }

    private void requireLength(String what, int n) {
        if (n != pointCount()) {
            throw new IllegalArgumentException("scatter: " + what + " has " + n + " entries but there are "
                    + pointCount() + " points; expected one per point. Hint: use color(...) or size(...) for a single value.");
        }
    }

    private static double requireSize(double s) {
        if (!(s >= 0 && s < 1e5)) {
            throw new IllegalArgumentException("scatter size (" + s + ") must be an area in points² in [0, 1e5); matplotlib's default is 36");
        }
        return s;
    }
}
