package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import java.util.List;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Mappable;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Ticks;

/**
 * Paints a colorbar right of its axes, as tall as the axes: a smooth gradient for an image, or one
 * block per band for a filled contour (ticked at the levels), with ticks and labels on the right.
 */
final class ColorbarPainter {
    private final Canvas c;
    private final AxesFrame f;

    ColorbarPainter(Canvas c, AxesFrame f) {
        this.c = c;
        this.f = f;
    }

    /** The colorbar's ticks for a bar {@code height} points tall with labels of {@code size} points. */
    static Ticks ticks(Mappable m, double height, double size) {
        double[] levels = m.levels();
        if (levels != null && levels.length <= 11) {
            return Ticks.at(levels);
        }
        if (!(m.vmax() > m.vmin())) {
            return Ticks.at(new double[] {m.vmin()});
        }
        int nbins = (int) Math.max(1, Math.min(9, Math.floor(height / (size * 2))));
        return Ticks.linear(new Limits(m.vmin(), m.vmax()), nbins);
    }

    void paint() {
        Mappable m = f.axes.colorbar();
        double x = f.right() + Layout.CBAR_GAP;
        double wd = Layout.CBAR_WIDTH;
        double lo = m.vmin();
        double hi = m.vmax() > lo ? m.vmax() : lo + 1;
        double size = f.tickSize;
        if (m.levels() != null) {
            double[] lv = m.levels();
            FilledContour fc = (FilledContour) m;
            for (int b = 0; b + 1 < lv.length; b++) {
                double y0 = yOf(lv[b + 1], lo, hi);
                double y1 = yOf(lv[b], lo, hi);
                c.cells(new double[] {x, y0, wd, y1 - y0}, 1, fc.bandColor(b), fc.alpha());
            }
        } else {
            c.verticalGradient(x, f.y, wd, f.h, m.cmap());
        }
        c.rect(x, f.y, wd, f.h, null, 1, Color.BLACK, 0.8, 0);
        Ticks t = ticks(m, f.h, size);
        Path2D.Double p = new Path2D.Double();
        for (double v : t.positions()) {
            p.moveTo(x + wd, yOf(v, lo, hi));
            p.lineTo(x + wd + Layout.TICK, yOf(v, lo, hi));
        }
        // Tick marks: solid, with butt caps (LineStyle.NONE strokes without square caps).
        c.stroke(p, Color.BLACK, 0.8, LineStyle.NONE, 1);
        double tx = x + wd + Layout.TICK + Layout.PAD;
        for (int i = 0; i < t.positions().length; i++) {
            c.text(tx, yOf(t.positions()[i], lo, hi) + TextMetrics.CAP * size / 2, t.labels().get(i), size,
                    Canvas.Anchor.START, Color.BLACK, 0);
        }
        if (t.offset() != null) {
            c.text(x, f.y - 4, t.offset(), size, Canvas.Anchor.START, Color.BLACK, 0);
        }
        String label = f.axes.colorbarLabel();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double bx = tx + Layout.maxWidth(t, size) + Layout.LABEL_PAD + TextMetrics.ascent(runs, f.yLabelSize);
            c.text(bx, f.y + f.h / 2, label, f.yLabelSize, Canvas.Anchor.MIDDLE, Color.BLACK, 90);
        }
    }

    private double yOf(double v, double lo, double hi) {
        return f.bottom() - (v - lo) / (hi - lo) * f.h;
    }
}
