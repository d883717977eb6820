package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.plot.Mappable;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Ticks;

/**
 * Paints a colorbar right of its axes, as tall as the axes: a smooth gradient for an image, or one
 * block per band for a filled contour (ticked at the levels), with ticks and labels on the right.
 */
final class ColorbarPainter {
    private static final int STOPS = 24;
    private final SvgWriter w;
    private final AxesFrame f;
    private final String id;

    ColorbarPainter(SvgWriter w, AxesFrame f, String id) {
        this.w = w;
        this.f = f;
        this.id = id;
    }

    /** The colorbar's ticks for a bar {@code height} points tall. */
    static Ticks ticks(Mappable m, double height) {
        double[] levels = m.levels();
        if (levels != null && levels.length <= 11) {
            return Ticks.at(levels);
        }
        if (!(m.vmax() > m.vmin())) {
            return Ticks.at(new double[] {m.vmin()});
        }
        int nbins = (int) Math.max(1, Math.min(9, Math.floor(height / (TextPainter.BASE * 2))));
        return Ticks.linear(new Limits(m.vmin(), m.vmax()), nbins);
    }

    void paint() {
        Mappable m = f.axes.colorbar();
        double x = f.right() + Layout.CBAR_GAP;
        double wd = Layout.CBAR_WIDTH;
        double lo = m.vmin();
        double hi = m.vmax() > lo ? m.vmax() : lo + 1;
        if (m.levels() != null) {
            double[] lv = m.levels();
            FilledContour fc = (FilledContour) m;
            w.raw("<g");
            if (fc.alpha() < 1) {
                w.attr("opacity", fc.alpha());
            }
            w.raw(">\n");
            for (int b = 0; b + 1 < lv.length; b++) {
                double y0 = yOf(lv[b + 1], lo, hi);
                double y1 = yOf(lv[b], lo, hi);
                w.raw("<rect").attr("x", x).attr("y", y0).attr("width", wd).attr("height", y1 - y0)
                        .raw(" fill=\"").raw(fc.bandColor(b).hex()).raw("\"/>\n");
            }
            w.raw("</g>\n");
        } else {
            w.raw("<linearGradient id=\"").raw(id).raw("-cbar\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
            for (int i = 0; i <= STOPS; i++) {
                Color c = m.cmap().at(i / (double) STOPS);
                w.raw("<stop").attr("offset", i / (double) STOPS).raw(" stop-color=\"").raw(c.hex()).raw("\"/>");
            }
            w.raw("</linearGradient>\n<rect").attr("x", x).attr("y", f.y).attr("width", wd).attr("height", f.h)
                    .raw(" fill=\"url(#").raw(id).raw("-cbar)\"/>\n");
        }
        w.raw("<rect").attr("x", x).attr("y", f.y).attr("width", wd).attr("height", f.h)
                .raw(" fill=\"none\" stroke=\"#000\" stroke-width=\"0.8\"/>\n");
        Ticks t = ticks(m, f.h);
        w.raw("<path stroke=\"#000\" stroke-width=\"0.8\" d=\"");
        for (double p : t.positions()) {
            w.raw('M').num(x + wd).raw(' ').num(yOf(p, lo, hi)).raw('h').num(Layout.TICK);
        }
        w.raw("\"/>\n");
        double tx = x + wd + Layout.TICK + Layout.PAD;
        for (int i = 0; i < t.positions().length; i++) {
            TextPainter.write(w, tx, yOf(t.positions()[i], lo, hi) + TextMetrics.CAP * TextPainter.BASE / 2,
                    t.labels().get(i), TextPainter.BASE, "start", "");
        }
        if (t.offset() != null) {
            TextPainter.write(w, x, f.y - 4, t.offset(), TextPainter.BASE, "start", "");
        }
        String label = f.axes.colorbarLabel();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double bx = tx + Layout.maxWidth(t) + Layout.LABEL_PAD + TextMetrics.ascent(runs, TextPainter.BASE);
            double by = f.y + f.h / 2;
            SvgWriter tr = new SvgWriter(64);
            tr.raw(" transform=\"rotate(-90 ").num(bx).raw(' ').num(by).raw(")\"");
            TextPainter.write(w, bx, by, label, TextPainter.BASE, "middle", tr.toString());
        }
        w.raw('\n');
    }

    private double yOf(double v, double lo, double hi) {
        return f.bottom() - (v - lo) / (hi - lo) * f.h;
    }
}
