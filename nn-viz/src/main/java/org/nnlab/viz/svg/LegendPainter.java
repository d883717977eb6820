package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.LegendEntry;
import org.nnlab.viz.plot.LegendLocation;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Marker;
import org.nnlab.viz.plot.Series;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.plot.XYSeries;

/**
 * Paints a legend with matplotlib's geometry (in font sizes: handle 2, handle–text gap 0.8, border
 * padding 0.4, row spacing 0.5, 0.5 from the axes edge) on a white, 80%-opaque rounded frame with
 * a light grey rim. For "best", each candidate position is scored by the data points (and line
 * midpoints) it would cover, and the first position with the lowest score wins.
 */
final class LegendPainter {
    private static final double FONT = TextPainter.BASE;
    private static final double HANDLE = 2 * FONT;
    private static final double HANDLE_GAP = 0.8 * FONT;
    private static final double BORDER = 0.4 * FONT;
    private static final double SPACING = 0.5 * FONT;
    private static final double ROW = 1.0 * FONT;
    private static final double INSET = 0.5 * FONT;
    private final SvgWriter w;
    private final AxesFrame f;

    LegendPainter(SvgWriter w, AxesFrame f) {
        this.w = w;
        this.f = f;
    }

    void paint() {
        List<LegendEntry> entries = f.axes.legendEntries();
        double textW = 0;
        for (LegendEntry e : entries) {
            textW = Math.max(textW, TextMetrics.labelWidth(e.label(), FONT));
        }
        double bw = 2 * BORDER + HANDLE + HANDLE_GAP + textW;
        double bh = 2 * BORDER + entries.size() * ROW + (entries.size() - 1) * SPACING + 2;
        LegendLocation loc = f.axes.legendLocation();
        if (loc == LegendLocation.BEST) {
            loc = best(bw, bh);
        }
        double x = f.x + INSET + loc.fx() * (f.w - 2 * INSET - bw);
        double y = f.y + INSET + loc.fy() * (f.h - 2 * INSET - bh);
        w.raw("<g>\n<rect").attr("x", x).attr("y", y).attr("width", bw).attr("height", bh)
                .raw(" rx=\"2\" fill=\"#fff\" fill-opacity=\"0.8\" stroke=\"#ccc\" stroke-width=\"0.8\"/>\n");
        SeriesPainter strokes = new SeriesPainter(w, f);
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry e = entries.get(i);
            double cy = y + BORDER + 1 + i * (ROW + SPACING) + ROW / 2;
            double hx = x + BORDER;
            handle(strokes, e, hx, cy);
            TextPainter.write(w, hx + HANDLE + HANDLE_GAP, cy + TextMetrics.CAP * FONT / 2, e.label(), FONT, "start", "");
            w.raw('\n');
        }
        w.raw("</g>\n");
    }

    private void handle(SeriesPainter strokes, LegendEntry e, double hx, double cy) {
        SeriesKind k = e.kind();
        if (k == SeriesKind.BAR || k == SeriesKind.HIST || k == SeriesKind.IMAGE || k == SeriesKind.CONTOURF) {
            w.raw("<rect").attr("x", hx).attr("y", cy - 0.35 * FONT).attr("width", HANDLE).attr("height", 0.7 * FONT)
                    .raw(" fill=\"").raw(e.color().hex()).raw("\"/>\n");
            return;
        }
        if (e.lineStyle() != LineStyle.NONE && k != SeriesKind.SCATTER) {
            strokes.strokeStart(e.color(), 1.5, e.lineStyle(), 1);
            w.raw(" d=\"M").num(hx).raw(' ').num(cy).raw('h').num(HANDLE).raw("\"/>\n");
        }
        Marker m = e.marker();
        if (m != Marker.NONE) {
            String c = e.color().hex();
            w.raw(m.filled() ? "<g fill=\"" + c + "\">" : "<g fill=\"none\" stroke=\"" + c + "\">");
            MarkerPath.write(w, m, hx + HANDLE / 2, cy, 6, null, m.filled());
            w.raw("</g>\n");
        }
    }

    private LegendLocation best(double bw, double bh) {
        LegendLocation bestLoc = LegendLocation.UPPER_RIGHT;
        long bestScore = Long.MAX_VALUE;
        for (LegendLocation loc : LegendLocation.values()) {
            if (loc == LegendLocation.BEST) {
                continue;
            }
            double x = f.x + INSET + loc.fx() * (f.w - 2 * INSET - bw);
            double y = f.y + INSET + loc.fy() * (f.h - 2 * INSET - bh);
            long score = covered(x, y, bw, bh);
            if (score < bestScore) {
                bestScore = score;
                bestLoc = loc;
            }
        }
        return bestLoc;
    }

    private long covered(double x, double y, double bw, double bh) {
        long n = 0;
        for (Series s : f.axes.series()) {
            if (!(s instanceof XYSeries)) {
                continue;
            }
            double[] xs = ((XYSeries) s).x();
            double[] ys = ((XYSeries) s).y();
            int stride = Math.max(1, xs.length / 2000);
            double px0 = Double.NaN;
            double py0 = Double.NaN;
            for (int i = 0; i < xs.length; i += stride) {
                double px = f.px(xs[i]);
                double py = f.py(ys[i]);
                n += inside(px, py, x, y, bw, bh);
                if (s.kind() == SeriesKind.LINE && Double.isFinite(px0) && Double.isFinite(px)) {
                    // Sample the segment every ~8 points so long straight lines count too.
                    int steps = (int) Math.min(200, Math.hypot(px - px0, py - py0) / 8);
                    for (int k = 1; k < steps; k++) {
                        double t = (double) k / steps;
                        n += inside(px0 + t * (px - px0), py0 + t * (py - py0), x, y, bw, bh);
                    }
                }
                px0 = px;
                py0 = py;
            }
        }
        return n;
    }

    private static int inside(double px, double py, double x, double y, double bw, double bh) {
        return px >= x && px <= x + bw && py >= y && py <= y + bh ? 1 : 0;
    }
}
