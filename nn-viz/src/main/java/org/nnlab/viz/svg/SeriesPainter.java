package org.nnlab.viz.svg;

import org.nnlab.viz.plot.Bars;
import org.nnlab.viz.plot.Color;
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
 */
final class SeriesPainter {
    private final SvgWriter w;
    private final AxesFrame f;

    SeriesPainter(SvgWriter w, AxesFrame f) {
        this.w = w;
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
            new RasterPainter(w, f).image((Image) s);
        } else if (s instanceof FilledContour) {
            new RasterPainter(w, f).contour((FilledContour) s);
        } else if (s instanceof RefLine) {
            refLine((RefLine) s);
        }
    }

    private void line(Line s) {
        double[] x = s.x();
        double[] y = s.y();
        if (s.lineStyle() != LineStyle.NONE) {
            strokeStart(s.color(), s.lineWidth(), s.lineStyle(), s.alpha());
            w.raw(" d=\"");
            boolean pen = false;
            for (int i = 0; i < x.length; i++) {
                double px = f.px(x[i]);
                double py = f.py(y[i]);
                if (!Double.isFinite(px) || !Double.isFinite(py)) {
                    pen = false;
                    continue;
                }
                w.raw(pen ? ' ' : 'M').num(px).raw(' ').num(py);
                pen = true;
            }
            w.raw("\"/>\n");
        }
        if (s.marker() != Marker.NONE) {
            markers(x, y, s.marker(), s.markerSize(), s.color(), null, s.alpha());
        }
    }

    private void scatter(Scatter s) {
        double[] x = s.x();
        double[] y = s.y();
        Color[] colors = s.pointColors();
        boolean filled = s.marker().filled();
        w.raw("<g");
        paintAttrs(s.color(), filled, s.alpha(), s.edgeColor());
        w.raw(">\n");
        for (int i = 0; i < x.length; i++) {
            double px = f.px(x[i]);
            double py = f.py(y[i]);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                String fill = colors == null ? null : colors[i].hex();
                MarkerPath.write(w, s.marker(), px, py, Math.sqrt(s.sizeOf(i)), fill, filled);
            }
        }
        w.raw("</g>\n");
    }

    private void stem(Stem s) {
        double[] x = s.x();
        double[] y = s.y();
        double y0 = f.py(0);
        strokeStart(s.color(), 1.5, LineStyle.SOLID, s.alpha());
        w.raw(" d=\"");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double px = f.px(x[i]);
            double py = f.py(y[i]);
            if (Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(y0)) {
                w.raw('M').num(px).raw(' ').num(y0).raw('V').num(py);
                lo = Math.min(lo, px);
                hi = Math.max(hi, px);
            }
        }
        w.raw("\"/>\n");
        if (lo <= hi) {
            strokeStart(s.baselineColor(), 1.5, LineStyle.SOLID, s.alpha());
            w.raw(" d=\"M").num(lo).raw(' ').num(y0).raw('H').num(hi).raw("\"/>\n");
        }
        markers(x, y, Marker.CIRCLE, 6, s.color(), null, s.alpha());
    }

    private void bars(Bars s) {
        double[] x = s.x();
        double[] h = s.y();
        double[] wd = s.widths();
        double base = f.py(0);
        if (!Double.isFinite(base)) {
            base = f.axes.yaxis().inverted() ? f.y : f.bottom();
        }
        w.raw("<g fill=\"").raw(s.color().hex()).raw('"');
        if (s.alpha() < 1) {
            w.attr("fill-opacity", s.alpha());
        }
        if (s.edgeColor() != null) {
            w.raw(" stroke=\"").raw(s.edgeColor().hex()).raw("\" stroke-width=\"0.8\"");
        }
        w.raw(">\n");
        for (int i = 0; i < x.length; i++) {
            double x0 = f.px(x[i] - wd[i] / 2);
            double x1 = f.px(x[i] + wd[i] / 2);
            double top = f.py(h[i]);
            if (Double.isFinite(x0) && Double.isFinite(x1) && Double.isFinite(top)) {
                w.raw("<rect").attr("x", Math.min(x0, x1)).attr("y", Math.min(top, base))
                        .attr("width", Math.abs(x1 - x0)).attr("height", Math.abs(base - top)).raw("/>\n");
            }
        }
        w.raw("</g>\n");
    }

    private void refLine(RefLine s) {
        strokeStart(s.color(), s.lineWidth(), s.lineStyle(), s.alpha());
        if (s.kind() == SeriesKind.HLINE) {
            w.raw(" d=\"M").num(f.x).raw(' ').num(f.py(s.value())).raw('H').num(f.right()).raw("\"/>\n");
        } else {
            w.raw(" d=\"M").num(f.px(s.value())).raw(' ').num(f.y).raw('V').num(f.bottom()).raw("\"/>\n");
        }
    }

    private void markers(double[] x, double[] y, Marker m, double size, Color color, Color edge, double alpha) {
        w.raw("<g");
        paintAttrs(color, m.filled(), alpha, edge);
        w.raw(">\n");
        for (int i = 0; i < x.length; i++) {
            double px = f.px(x[i]);
            double py = f.py(y[i]);
            if (Double.isFinite(px) && Double.isFinite(py)) {
                MarkerPath.write(w, m, px, py, size, null, m.filled());
            }
        }
        w.raw("</g>\n");
    }

    private void paintAttrs(Color color, boolean filled, double alpha, Color edge) {
        if (filled) {
            w.raw(" fill=\"").raw(color.hex()).raw('"');
            if (edge != null) {
                w.raw(" stroke=\"").raw(edge.hex()).raw("\" stroke-width=\"0.5\"");
            }
        } else {
            w.raw(" fill=\"none\" stroke=\"").raw(color.hex()).raw("\" stroke-width=\"1\"");
        }
        if (alpha < 1) {
            // fill- and stroke-opacity inherit to each marker, so overlapping markers stack as in matplotlib
            w.attr("fill-opacity", alpha).attr("stroke-opacity", alpha);
        }
    }

    /** Opens a stroked {@code <path} with colour, width, dashes and opacity; the caller adds d. */
    void strokeStart(Color color, double width, LineStyle style, double alpha) {
        w.raw("<path fill=\"none\" stroke=\"").raw(color.hex()).raw('"').attr("stroke-width", width)
                .raw(" stroke-linejoin=\"round\" stroke-linecap=\"").raw(style == LineStyle.SOLID ? "square" : "butt")
                .raw('"');
        double[] dashes = style.dashes(width);
        if (dashes != null) {
            w.raw(" stroke-dasharray=\"");
            for (int i = 0; i < dashes.length; i++) {
                w.raw(i == 0 ? "" : " ").num(dashes[i]);
            }
            w.raw('"');
        }
        if (alpha < 1) {
            w.attr("stroke-opacity", alpha);
        }
    }
}
