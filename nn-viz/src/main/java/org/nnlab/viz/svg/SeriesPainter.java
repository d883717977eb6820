package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import org.nnlab.viz.plot.Bars;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.ContourLines;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Image;
import org.nnlab.viz.plot.Line;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Marker;
import org.nnlab.viz.plot.RefLine;
import org.nnlab.viz.plot.Scatter;
import org.nnlab.viz.plot.Series;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.plot.Stem;

/**
 * Paints the series of one axes. Points whose page position is not finite (NaN, ±∞, or ≤ 0 on
 * a log axis) are skipped; a line is broken into separate segments at them.
 *
 * <p>Lines, stems and reference lines are clipped to the axes box. Markers are not: a marker is
 * drawn whole when its point lies within the limits (a point on the edge shows a full circle, not
 * half of one) and not at all when the point lies outside them.
 */
final class SeriesPainter {
    /** How far outside the box, in points, a point still counts as on its edge (rounding of the limits). */
    private static final double EDGE_TOLERANCE = 0.01;
    private final Canvas c;
    private final AxesFrame f;

    SeriesPainter(Canvas c, AxesFrame f) {
        this.c = c;
        this.f = f;
    }

    void paint(Series s) {
        if (s instanceof Line) {
            line((Line) s);
        } else if (s instanceof Scatter) {
            scatter((Scatter) s);
        } else if (s instanceof Stem) {
            stem((Stem) s);
        } else if (s instanceof Bars) {
            bars((Bars) s);
        } else if (s instanceof Image) {
            new RasterPainter(c, f).image((Image) s);
        } else if (s instanceof FilledContour) {
            new RasterPainter(c, f).contour((FilledContour) s);
        } else if (s instanceof RefLine) {
            refLine((RefLine) s);
        } else if (s instanceof ContourLines) {
            contour((ContourLines) s);
        }
    }

    private void contour(ContourLines s) {
        double[] seg = s.segments();
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < seg.length; i += 4) {
            p.moveTo(f.px(seg[i]), f.py(seg[i + 1]));
            p.lineTo(f.px(seg[i + 2]), f.py(seg[i + 3]));
        }
        c.beginClip(f.x, f.y, f.w, f.h);
        c.stroke(p, s.color(), s.lineWidth(), s.lineStyle(), s.alpha());
        c.endClip();
    }

    private void line(Line s) {
        double[] x = s.x();
        double[] y = s.y();
        if (s.lineStyle() != LineStyle.NONE) {
            Path2D.Double p = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < x.length; i++) {
                double px = f.px(x[i]);
                double py = f.py(y[i]);
                if (!Double.isFinite(px) || !Double.isFinite(py)) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    p.lineTo(px, py);
                } else {
                    p.moveTo(px, py);
                }
                pen = true;
            }
            c.beginClip(f.x, f.y, f.w, f.h);
            c.stroke(p, s.color(), s.lineWidth(), s.lineStyle(), s.alpha());
            c.endClip();
        }
        if (s.marker() != Marker.NONE) {
            markers(x, y, s.marker(), new double[] {s.markerSize()}, null, s.color(), s.alpha(), null, 0);
        }
    }

    private void scatter(Scatter s) {
        double[] x = s.x();
        double[] sizes = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sizes[i] = Math.sqrt(s.sizeOf(i));
        }
        markers(x, s.y(), s.marker(), sizes, s.pointColors(), s.color(), s.alpha(), s.edgeColor(), 0.5);
    }

    private void stem(Stem s) {
        double[] x = s.x();
        double[] y = s.y();
        double y0 = f.py(0);
        Path2D.Double p = new Path2D.Double();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double px = f.px(x[i]);
            double py = f.py(y[i]);
            if (Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(y0)) {
                p.moveTo(px, y0);
                p.lineTo(px, py);
                lo = Math.min(lo, px);
                hi = Math.max(hi, px);
            }
        }
        c.beginClip(f.x, f.y, f.w, f.h);
        c.stroke(p, s.color(), 1.5, LineStyle.SOLID, s.alpha());
        if (lo <= hi) {
            Path2D.Double base = new Path2D.Double();
            base.moveTo(lo, y0);
            base.lineTo(hi, y0);
            c.stroke(base, s.baselineColor(), 1.5, LineStyle.SOLID, s.alpha());
        }
        c.endClip();
        markers(x, y, Marker.CIRCLE, new double[] {6}, null, s.color(), s.alpha(), null, 0);
    }

    private void bars(Bars s) {
        double[] x = s.x();
        double[] h = s.y();
        double[] wd = s.widths();
        double base = f.py(0);
        if (!Double.isFinite(base)) {
            base = f.axes.yaxis().inverted() ? f.y : f.bottom();
        }
        for (int i = 0; i < x.length; i++) {
            double x0 = f.px(x[i] - wd[i] / 2);
            double x1 = f.px(x[i] + wd[i] / 2);
            double top = f.py(h[i]);
            if (Double.isFinite(x0) && Double.isFinite(x1) && Double.isFinite(top)) {
                c.rect(Math.min(x0, x1), Math.min(top, base), Math.abs(x1 - x0), Math.abs(base - top), s.color(),
                        s.alpha(), s.edgeColor(), 0.8, 0);
            }
        }
    }

    private void refLine(RefLine s) {
        Path2D.Double p = new Path2D.Double();
        if (s.kind() == SeriesKind.HLINE) {
            p.moveTo(f.x, f.py(s.value()));
            p.lineTo(f.right(), f.py(s.value()));
        } else {
            p.moveTo(f.px(s.value()), f.y);
            p.lineTo(f.px(s.value()), f.bottom());
        }
        c.beginClip(f.x, f.y, f.w, f.h);
        c.stroke(p, s.color(), s.lineWidth(), s.lineStyle(), s.alpha());
        c.endClip();
    }

    /** Draws the markers of the points inside the box, whole and unclipped. */
    private void markers(double[] x, double[] y, Marker m, double[] sizes, Color[] colors, Color color, double alpha,
                         Color edge, double edgeWidth) {
        int n = 0;
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        double[] sz = sizes.length == 1 ? sizes : new double[x.length];
        Color[] cs = colors == null ? null : new Color[x.length];
        for (int i = 0; i < x.length; i++) {
            double u = f.px(x[i]);
            double v = f.py(y[i]);
            if (inside(u, v)) {
                px[n] = u;
                py[n] = v;
                if (sz != sizes) {
                    sz[n] = sizes[i];
                }
                if (cs != null) {
                    cs[n] = colors[i];
                }
                n++;
            }
        }
        if (n > 0) {
            c.markers(m, java.util.Arrays.copyOf(px, n), java.util.Arrays.copyOf(py, n),
                    sz == sizes ? sizes : java.util.Arrays.copyOf(sz, n), cs == null ? null : java.util.Arrays.copyOf(cs, n),
                    color, alpha, edge, edgeWidth);
        }
    }

    private boolean inside(double u, double v) {
        return u >= f.x - EDGE_TOLERANCE && u <= f.right() + EDGE_TOLERANCE
                && v >= f.y - EDGE_TOLERANCE && v <= f.bottom() + EDGE_TOLERANCE;
    }
}
