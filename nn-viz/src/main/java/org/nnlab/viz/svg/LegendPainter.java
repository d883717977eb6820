package org.nnlab.viz.svg;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.nnlab.viz.plot.Bars;
import org.nnlab.viz.plot.Color;
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
 * a light grey rim. Handles are drawn as their series are, alpha included.
 *
 * <p>"best" scores each position as matplotlib's {@code Legend._find_best_position} does: line
 * vertices and scatter points inside the box, bars it overlaps, and one per line crossing it; the
 * first position scoring 0 wins, else the lowest score (ties to the lower location code). A legend
 * wider or taller than its axes is kept inside the figure.
 */
final class LegendPainter {
    private final Canvas c;
    private final AxesFrame f;
    private final double font;

    LegendPainter(Canvas c, AxesFrame f) {
        this.c = c;
        this.f = f;
        this.font = f.legendSize;
    }

    /** The legend's box {x, y, w, h} in page points, where {@link #paint()} draws it. */
    double[] box() {
        List<LegendEntry> entries = f.axes.legendEntries();
        double textW = 0;
        for (LegendEntry e : entries) {
            textW = Math.max(textW, TextMetrics.labelWidth(e.label(), font));
        }
        double bw = 2 * 0.4 * font + 2 * font + 0.8 * font + textW;
        double bh = 2 * 0.4 * font + entries.size() * font + (entries.size() - 1) * 0.5 * font + 2;
        LegendLocation loc = f.axes.legendLocation();
        if (loc == LegendLocation.BEST) {
            loc = best(bw, bh);
        }
        double[] xy = at(loc, bw, bh);
        double x = Math.max(Layout.EDGE, Math.min(xy[0], f.figureWidth - Layout.EDGE - bw));
        double y = Math.max(Layout.EDGE, Math.min(xy[1], f.figureHeight - Layout.EDGE - bh));
        return new double[] {x, y, bw, bh};
    }

    void paint() {
        List<LegendEntry> entries = f.axes.legendEntries();
        double[] b = box();
        c.rect(b[0], b[1], b[2], b[3], Color.WHITE, 0.8, Color.hex("#cccccc"), 0.8, 2);
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry e = entries.get(i);
            double cy = b[1] + 0.4 * font + 1 + i * 1.5 * font + font / 2;
            double hx = b[0] + 0.4 * font;
            handle(e, hx, cy);
            c.text(hx + 2.8 * font, cy + TextMetrics.CAP * font / 2, e.label(), font, Canvas.Anchor.START, Color.BLACK, 0);
        }
    }

    private double[] at(LegendLocation loc, double bw, double bh) {
        double inset = 0.5 * font;
        return new double[] {f.x + inset + loc.fx() * (f.w - 2 * inset - bw), f.y + inset + loc.fy() * (f.h - 2 * inset - bh)};
    }

    private void handle(LegendEntry e, double hx, double cy) {
        SeriesKind k = e.kind();
        double len = 2 * font;
        if (k == SeriesKind.BAR || k == SeriesKind.HIST || k == SeriesKind.IMAGE || k == SeriesKind.CONTOURF) {
            c.rect(hx, cy - 0.35 * font, len, 0.7 * font, e.color(), e.alpha(), null, 0, 0);
            return;
        }
        if (e.lineStyle() != LineStyle.NONE && k != SeriesKind.SCATTER) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(hx, cy);
            p.lineTo(hx + len, cy);
            c.stroke(p, e.color(), e.lineWidth(), e.lineStyle(), e.alpha());
        }
        Marker m = e.marker();
        if (m != Marker.NONE) {
            c.markers(m, new double[] {hx + len / 2}, new double[] {cy}, new double[] {6}, null, e.color(), e.alpha(),
                    null, 0);
        }
    }

    private LegendLocation best(double bw, double bh) {
        LegendLocation bestLoc = LegendLocation.UPPER_RIGHT;
        long bestScore = Long.MAX_VALUE;
        for (LegendLocation loc : LegendLocation.values()) {
            if (loc == LegendLocation.BEST) {
                continue;
            }
            double[] xy = at(loc, bw, bh);
            long score = badness(new Rectangle2D.Double(xy[0], xy[1], bw, bh));
            if (score == 0) {
                return loc;
            }
            if (score < bestScore) {
                bestScore = score;
                bestLoc = loc;
            }
        }
        return bestLoc;
    }

    /** matplotlib's badness: vertices and points inside, bars overlapped, lines crossing. */
    private long badness(Rectangle2D box) {
        long n = 0;
        for (Series s : f.axes.series()) {
            if (s instanceof Bars bars) {
                n += overlappedBars(bars, box);
                continue;
            }
            if (!(s instanceof XYSeries xy)) {
                continue;
            }
            double[] xs = xy.x();
            double[] ys = xy.y();
            boolean line = s.kind() == SeriesKind.LINE && s.lineStyle() != LineStyle.NONE;
            boolean crosses = false;
            double px0 = Double.NaN;
            double py0 = Double.NaN;
            for (int i = 0; i < xs.length; i++) {
                double px = f.px(xs[i]);
                double py = f.py(ys[i]);
                if (box.contains(px, py)) {
                    n++;
                }
                if (line && !crosses && Double.isFinite(px0 + py0 + px + py)) {
                    crosses = box.intersectsLine(new Line2D.Double(px0, py0, px, py));
                }
                px0 = px;
                py0 = py;
            }
            if (crosses) {
                n++;
            }
        }
        return n;
    }

    private long overlappedBars(Bars bars, Rectangle2D box) {
        double[] x = bars.x();
        double[] h = bars.y();
        double[] wd = bars.widths();
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            double x0 = f.px(x[i] - wd[i] / 2);
            double x1 = f.px(x[i] + wd[i] / 2);
            double y0 = f.py(0);
            double y1 = f.py(h[i]);
            if (Double.isFinite(x0 + x1 + y0 + y1)
                    && box.intersects(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0))) {
                n++;
            }
        }
        return n;
    }
}
