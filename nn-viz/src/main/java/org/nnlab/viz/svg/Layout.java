package org.nnlab.viz.svg;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.AxisSettings;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Scale;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.plot.Ticks;

/**
 * Places the axes of a figure: a "tight" grid layout in which every axes gets exactly the margins
 * its tick labels, axis labels, title and colorbar need, aligned across rows and columns.
 *
 * <p>Margins depend on tick labels and tick labels on the box size, so layout runs twice: once on
 * an estimated box, then on the box those margins give. Tick counts follow matplotlib's "auto"
 * rule (one x tick per three font sizes of axis length, one y tick per two, at most ten) and are
 * reduced until neighbouring labels no longer touch. Imshow axes keep square pixels by shrinking
 * their box; {@link Axes#axisEqual()} instead keeps the box and adjusts the data limits to fill it
 * ({@link Axes#equalLimits}). Every size follows the axes' font sizes.
 */
final class Layout {
    static final double TICK = 3.5;
    static final double PAD = 3.5;
    static final double LABEL_PAD = 4;
    static final double EDGE = 6;
    static final double CBAR_GAP = 10;
    static final double CBAR_WIDTH = 12;
    static final double ROTATION = 30;
    static final double ROTATED_SIN = Math.sin(Math.toRadians(ROTATION));
    static final double ROTATED_COS = Math.cos(Math.toRadians(ROTATION));

    final double width;
    final double height;
    final double suptitleBaseline;
    final double suptitleSize;
    final List<AxesFrame> frames = new ArrayList<>();

    Layout(Figure fig) {
        width = fig.width() * 72;
        height = fig.height() * 72;
        suptitleSize = Figure.TITLE_SCALE * fig.fontSize();
        double top0 = fig.suptitle() == null ? 0 : EDGE + suptitleSize * 1.2 + 4;
        suptitleBaseline = EDGE + suptitleSize * 0.95;
        int rows = Math.max(1, fig.rows());
        int cols = Math.max(1, fig.cols());
        double cw = width / cols;
        double ch = (height - top0) / rows;
        double[] m = {50, 15, 25, 35};
        double[][] margins = new double[fig.axes().size()][];
        for (int pass = 0; pass < 3; pass++) {
            double[][] aligned = align(margins, fig, m);
            List<AxesFrame> placed = new ArrayList<>();
            for (int i = 0; i < fig.axes().size(); i++) {
                Axes a = fig.axes().get(i);
                double[] g = aligned[i];
                double bx = a.col() * cw + g[0];
                double by = top0 + a.row() * ch + g[2];
                AxesFrame f = place(a, bx, by, Math.max(20, cw - g[0] - g[1]), Math.max(20, ch - g[2] - g[3]),
                        width, height);
                placed.add(f);
                margins[i] = margins(f);
            }
            if (pass == 2) {
                frames.addAll(placed);
            }
        }
    }

    /** Per axes {left, right, top, bottom}: the largest margin needed in its column or row. */
    private static double[][] align(double[][] margins, Figure fig, double[] fallback) {
        double[][] out = new double[margins.length][];
        for (int i = 0; i < margins.length; i++) {
            Axes a = fig.axes().get(i);
            double[] g = new double[4];
            for (int j = 0; j < margins.length; j++) {
                double[] mj = margins[j] == null ? fallback : margins[j];
                Axes b = fig.axes().get(j);
                if (b.col() == a.col()) {
                    g[0] = Math.max(g[0], mj[0]);
                    g[1] = Math.max(g[1], mj[1]);
                }
                if (b.row() == a.row()) {
                    g[2] = Math.max(g[2], mj[2]);
                    g[3] = Math.max(g[3], mj[3]);
                }
            }
            out[i] = g;
        }
        return out;
    }

    private static AxesFrame place(Axes a, double x, double y, double w, double h, double figW, double figH) {
        Limits xl = a.xlim();
        Limits yl = a.ylim();
        boolean linear = a.xaxis().scale() == Scale.LINEAR && a.yaxis().scale() == Scale.LINEAR;
        boolean image = a.series().stream().anyMatch(s -> s.kind() == SeriesKind.IMAGE);
        if (linear && image && !a.equalAspect()) {
            // imshow's aspect 'equal' with adjustable 'box': square pixels, the box shrinks.
            double s = Math.min(w / xl.span(), h / yl.span());
            double nw = xl.span() * s;
            double nh = yl.span() * s;
            x += (w - nw) / 2;
            y += (h - nh) / 2;
            w = nw;
            h = nh;
        } else if (a.equalAspect()) {
            Limits[] equal = a.equalLimits(w, h);
            xl = equal[0];
            yl = equal[1];
        }
        double size = a.tickFontSize();
        Ticks xt = ticks(a.xaxis(), xl, w, true, size);
        Ticks yt = ticks(a.yaxis(), yl, h, false, size);
        return new AxesFrame(a, x, y, w, h, xl, yl, xt, yt, figW, figH);
    }

    /** Ticks for one axis of length {@code len} points, thinned until the labels do not touch. */
    static Ticks ticks(AxisSettings axis, Limits lim, double len, boolean horizontal, double size) {
        if (axis.tickPositions() != null) {
            double[] p = axis.tickPositions();
            List<Double> pos = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                if (lim.contains(p[i])) {
                    pos.add(p[i]);
                    labels.add(axis.tickLabels().get(i));
                }
            }
            double[] arr = new double[pos.size()];
            for (int i = 0; i < arr.length; i++) {
                arr[i] = pos.get(i);
            }
            return new Ticks(arr, List.copyOf(labels), null, new double[0]);
        }
        int nbins = (int) Math.max(1, Math.min(9, Math.floor(len / (size * (horizontal ? 3 : 2)))));
        while (true) {
            Ticks t = axis.scale() == Scale.LOG ? Ticks.log(lim, nbins) : Ticks.linear(lim, nbins);
            if (nbins == 1 || fits(t, axis.scale(), lim, len, horizontal, size)) {
                return t;
            }
            nbins--;
        }
    }

    static boolean fits(Ticks t, Scale scale, Limits lim, double len, boolean horizontal, double size) {
        double u0 = scale.forward(lim.lo());
        double span = scale.forward(lim.hi()) - u0;
        for (int i = 1; i < t.positions().length; i++) {
            double gap = Math.abs(scale.forward(t.positions()[i]) - scale.forward(t.positions()[i - 1])) / span * len;
            double need = horizontal
                    ? (TextMetrics.labelWidth(t.labels().get(i), size)
                    + TextMetrics.labelWidth(t.labels().get(i - 1), size)) / 2 + 0.6 * size
                    : size * 1.4;
            if (gap < need) {
                return false;
            }
        }
        return true;
    }

    /** {left, right, top, bottom} margins the frame needs around its box. */
    private static double[] margins(AxesFrame f) {
        Axes a = f.axes;
        double top = EDGE;
        if (a.title() != null) {
            List<Mathtext.Run> runs = Mathtext.parse(a.title());
            top += TextMetrics.ascent(runs, f.titleSize) + TextMetrics.descent(runs, f.titleSize) + 6;
        }
        if (!a.axisOn()) {
            return new double[] {EDGE, EDGE, top, EDGE};
        }
        double size = f.tickSize;
        double yTickW = maxWidth(f.yticks, size);
        double left = EDGE + yTickW + TICK + PAD;
        if (a.yaxis().label() != null) {
            left += labelThickness(a.yaxis().label(), f.yLabelSize) + LABEL_PAD;
        }
        double[] xp = f.xticks.positions();
        double firstHalf = xp.length == 0 ? 0 : TextMetrics.labelWidth(f.xticks.labels().get(0), size) / 2;
        double lastHalf = xp.length == 0 ? 0 : TextMetrics.labelWidth(f.xticks.labels().get(xp.length - 1), size) / 2;
        left = Math.max(left, EDGE + (f.rotateXLabels ? 2 * firstHalf * ROTATED_COS : firstHalf));
        double right = EDGE + Math.max(4, lastHalf);
        if (a.colorbar() != null) {
            right = EDGE + CBAR_GAP + CBAR_WIDTH + TICK + PAD + maxWidth(ColorbarPainter.ticks(a.colorbar(), f.h, size), size);
            if (a.colorbarLabel() != null) {
                right += labelThickness(a.colorbarLabel(), f.yLabelSize) + LABEL_PAD;
            }
        }
        double bottom = EDGE + TICK + PAD + xTickBand(f);
        if (a.xaxis().label() != null) {
            bottom += labelThickness(a.xaxis().label(), f.xLabelSize) + LABEL_PAD;
        }
        if (f.xticks.offset() != null) {
            bottom += size * 1.3;
        }
        top += 4;
        if (f.yticks.offset() != null) {
            top += size * 1.3;
        }
        return new double[] {left, right, top, bottom};
    }

    /** The height of the band the x tick labels occupy below the ticks, turned or not. */
    static double xTickBand(AxesFrame f) {
        double h = tickLabelHeight(f.xticks, f.tickSize);
        return f.rotateXLabels ? maxWidth(f.xticks, f.tickSize) * ROTATED_SIN + h * ROTATED_COS : h;
    }

    static double maxWidth(Ticks t, double size) {
        double w = 0;
        for (String l : t.labels()) {
            w = Math.max(w, TextMetrics.labelWidth(l, size));
        }
        return w;
    }

    static double tickLabelHeight(Ticks t, double size) {
        double h = size * (TextMetrics.CAP + TextMetrics.DESCENT);
        for (String l : t.labels()) {
            List<Mathtext.Run> runs = Mathtext.parse(l);
            h = Math.max(h, TextMetrics.ascent(runs, size) + TextMetrics.descent(runs, size));
        }
        return h;
    }

    static double labelThickness(String label, double size) {
        List<Mathtext.Run> runs = Mathtext.parse(label);
        return TextMetrics.ascent(runs, size) + TextMetrics.descent(runs, size);
    }
}
