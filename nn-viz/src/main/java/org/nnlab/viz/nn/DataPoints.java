package org.nnlab.viz.nn;

import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Scatter;

/**
 * Labelled data points drawn over a figure, sized by how many there are.
 *
 * <p>A few points (XOR's four corners) get large markers with black rims; a thousand get small
 * markers without rims, so the regions and lines beneath stay visible: the marker area is
 * 36·√(200 / n) square points, kept within [{@value #MIN_SIZE}, {@value #MAX_SIZE}], and rims are
 * drawn up to {@value #MAX_RIMMED} points.
 */
public final class DataPoints {
    /** The smallest marker area, in square points. */
    public static final double MIN_SIZE = 8;
    /** The largest marker area, in square points. */
    public static final double MAX_SIZE = 50;
    /** Up to this many points get black rims. */
    public static final int MAX_RIMMED = 300;

    private DataPoints() {
    }

    /** Scatters the points coloured by class (class j in matplotlib's cycle colour Cj). */
    public static Scatter draw(Axes ax, double[] x, double[] y, int[] labels) {
        int n = Math.max(1, x.length);
        double size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, 36 * Math.sqrt(200.0 / n)));
        Scatter points = ax.scatter(x, y).classes(labels).size(size);
        return n <= MAX_RIMMED ? points.edgeColor("k") : points;
    }
}
