package org.nnlab.viz.plot;

/**
 * The finite extent of an axes' data in each direction, plus sticky edges that margins must not
 * cross (an image's border, a bar's base at 0), as in matplotlib's autoscaling.
 */
final class DataBounds {
    private final Scale xScale;
    private final Scale yScale;
    double xmin = Double.POSITIVE_INFINITY;
    double xmax = Double.NEGATIVE_INFINITY;
    double ymin = Double.POSITIVE_INFINITY;
    double ymax = Double.NEGATIVE_INFINITY;
    double[] stickyX = new double[0];
    double[] stickyY = new double[0];

    DataBounds(Scale xScale, Scale yScale) {
        this.xScale = xScale;
        this.yScale = yScale;
    }

    void x(double v) {
        if (Double.isFinite(v) && !Double.isNaN(xScale.forward(v))) {
            xmin = Math.min(xmin, v);
            xmax = Math.max(xmax, v);
        }
    }

    void y(double v) {
        if (Double.isFinite(v) && !Double.isNaN(yScale.forward(v))) {
            ymin = Math.min(ymin, v);
            ymax = Math.max(ymax, v);
        }
    }

    void point(double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            x(x);
            y(y);
        }
    }

    void stickyX(double v) {
        x(v);
        stickyX = append(stickyX, v);
    }

    void stickyY(double v) {
        y(v);
        stickyY = append(stickyY, v);
    }

    private static double[] append(double[] a, double v) {
        double[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
