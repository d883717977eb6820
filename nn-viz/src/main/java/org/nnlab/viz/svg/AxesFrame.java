package org.nnlab.viz.svg;

import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.plot.Scale;
import org.nnlab.viz.plot.Ticks;

/**
 * An axes placed on the page: its box in points (y grows downwards), its final limits and ticks,
 * and the maps from data to page coordinates.
 */
final class AxesFrame {
    final Axes axes;
    final double x;
    final double y;
    final double w;
    final double h;
    final Limits xlim;
    final Limits ylim;
    final Ticks xticks;
    final Ticks yticks;
    /** Whether x tick labels are turned 30° because, at their fixed positions, they would overlap. */
    final boolean rotateXLabels;
    /** Font sizes in points, resolved from the axes and its figure. */
    final double titleSize;
    final double xLabelSize;
    final double yLabelSize;
    final double tickSize;
    final double legendSize;
    /** The whole figure's size in points, which legends must not leave. */
    final double figureWidth;
    final double figureHeight;
    private final Scale xs;
    private final Scale ys;
    private final double u0;
    private final double u1;
    private final double v0;
    private final double v1;

    AxesFrame(Axes axes, double x, double y, double w, double h, Limits xlim, Limits ylim, Ticks xticks, Ticks yticks,
              double figureWidth, double figureHeight) {
        this.axes = axes;
        this.titleSize = axes.titleFontSize();
        this.xLabelSize = axes.xLabelFontSize();
        this.yLabelSize = axes.yLabelFontSize();
        this.tickSize = axes.tickFontSize();
        this.legendSize = axes.legendFontSize();
        this.figureWidth = figureWidth;
        this.figureHeight = figureHeight;
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
        this.xlim = xlim;
        this.ylim = ylim;
        this.xticks = xticks;
        this.yticks = yticks;
        this.rotateXLabels = axes.xaxis().tickPositions() != null
                && !Layout.fits(xticks, axes.xaxis().scale(), xlim, w, true, axes.tickFontSize());
        this.xs = axes.xaxis().scale();
        this.ys = axes.yaxis().scale();
        this.u0 = xs.forward(xlim.lo());
        this.u1 = xs.forward(xlim.hi());
        this.v0 = ys.forward(ylim.lo());
        this.v1 = ys.forward(ylim.hi());
    }

    /** Page x of data x; NaN when x cannot be shown (non-finite, or ≤ 0 on a log axis). */
    double px(double dataX) {
        double t = (xs.forward(dataX) - u0) / (u1 - u0);
        return axes.xaxis().inverted() ? x + w - t * w : x + t * w;
    }

    /** Page y of data y; NaN when y cannot be shown. */
    double py(double dataY) {
        double t = (ys.forward(dataY) - v0) / (v1 - v0);
        return axes.yaxis().inverted() ? y + t * h : y + h - t * h;
    }

    /** Page x of an axes fraction (0 left, 1 right). */
    double fx(double f) {
        return x + f * w;
    }

    /** Page y of an axes fraction (0 bottom, 1 top). */
    double fy(double f) {
        return y + h - f * h;
    }

    double right() {
        return x + w;
    }

    double bottom() {
        return y + h;
    }
}
