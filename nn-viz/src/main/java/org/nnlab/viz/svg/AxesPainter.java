package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Series;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.plot.Ticks;

/**
 * Paints one axes in matplotlib's paint order: images, filled contours and bars, then the grid,
 * then lines, scatters and stems (all clipped to the box), then spines, ticks, labels, title,
 * colorbar, legend and texts. Spines are black, 0.8 pt; ticks point outwards, 3.5 pt long.
 */
final class AxesPainter {
    private static final String GRID_COLOR = "#b0b0b0";
    private final SvgWriter w;
    private final AxesFrame f;
    private final String id;

    AxesPainter(SvgWriter w, AxesFrame f, String id) {
        this.w = w;
        this.f = f;
        this.id = id;
    }

    void paint() {
        w.raw("<g id=\"").raw(id).raw("\">\n");
        w.raw("<clipPath id=\"").raw(id).raw("-clip\"><rect").attr("x", f.x).attr("y", f.y).attr("width", f.w)
                .attr("height", f.h).raw("/></clipPath>\n");
        SeriesPainter painter = new SeriesPainter(w, f);
        w.raw("<g clip-path=\"url(#").raw(id).raw("-clip)\">\n");
        List<Series> all = f.axes.series();
        for (Series s : all) {
            if (isPatch(s.kind())) {
                painter.paint(s);
            }
        }
        w.raw("</g>\n");
        grid();
        w.raw("<g clip-path=\"url(#").raw(id).raw("-clip)\">\n");
        for (Series s : all) {
            if (!isPatch(s.kind())) {
                painter.paint(s);
            }
        }
        w.raw("</g>\n");
        if (f.axes.axisOn()) {
            w.raw("<rect").attr("x", f.x).attr("y", f.y).attr("width", f.w).attr("height", f.h)
                    .raw(" fill=\"none\" stroke=\"#000\" stroke-width=\"0.8\" stroke-linejoin=\"miter\"/>\n");
            xAxis();
            yAxis();
        }
        if (f.axes.title() != null) {
            List<Mathtext.Run> runs = Mathtext.parse(f.axes.title());
            double base = f.y - 6 - TextMetrics.descent(runs, Layout.TITLE_SIZE)
                    - (f.yticks.offset() != null ? TextPainter.BASE * 1.3 : 0);
            String fill = f.axes.titleColor().equals(Color.BLACK) ? "" : " fill=\"" + f.axes.titleColor().hex() + "\"";
            TextPainter.write(w, f.x + f.w / 2, base, f.axes.title(), Layout.TITLE_SIZE, "middle", fill);
            w.raw('\n');
        }
        if (f.axes.colorbar() != null) {
            new ColorbarPainter(w, f, id).paint();
        }
        if (f.axes.legendLocation() != null && !f.axes.legendEntries().isEmpty()) {
            new LegendPainter(w, f).paint();
        }
        for (Annotation a : f.axes.annotations()) {
            new AnnotationPainter(w, f).paint(a);
        }
        w.raw("</g>\n");
    }

    private static boolean isPatch(SeriesKind k) {
        return k == SeriesKind.IMAGE || k == SeriesKind.CONTOURF || k == SeriesKind.BAR || k == SeriesKind.HIST;
    }

    private void grid() {
        if (f.axes.gridAlpha() < 0) {
            return;
        }
        w.raw("<path fill=\"none\" stroke=\"").raw(GRID_COLOR).raw("\" stroke-width=\"0.8\"");
        if (f.axes.gridAlpha() < 1) {
            w.attr("stroke-opacity", f.axes.gridAlpha());
        }
        w.raw(" d=\"");
        for (double t : f.xticks.positions()) {
            w.raw('M').num(f.px(t)).raw(' ').num(f.y).raw('V').num(f.bottom());
        }
        for (double t : f.yticks.positions()) {
            w.raw('M').num(f.x).raw(' ').num(f.py(t)).raw('H').num(f.right());
        }
        w.raw("\"/>\n");
    }

    private void xAxis() {
        Ticks t = f.xticks;
        tickMarks(t, true);
        double base = f.bottom() + Layout.TICK + Layout.PAD + TextMetrics.CAP * TextPainter.BASE;
        for (int i = 0; i < t.positions().length; i++) {
            double x = f.px(t.positions()[i]);
            if (f.rotateXLabels) {
                double y = f.bottom() + Layout.TICK + Layout.PAD + TextMetrics.CAP * TextPainter.BASE * 0.6;
                SvgWriter tr = new SvgWriter(64);
                tr.raw(" transform=\"rotate(-").num(Layout.ROTATION).raw(' ').num(x).raw(' ').num(y).raw(")\"");
                TextPainter.write(w, x, y, t.labels().get(i), TextPainter.BASE, "end", tr.toString());
            } else {
                TextPainter.write(w, x, base, t.labels().get(i), TextPainter.BASE, "middle", "");
            }
        }
        double below = f.bottom() + Layout.TICK + Layout.PAD + Layout.xTickBand(f);
        if (t.offset() != null) {
            below += TextPainter.BASE * 1.3;
            TextPainter.write(w, f.right(), below - TextMetrics.DESCENT * TextPainter.BASE, t.offset(),
                    TextPainter.BASE, "end", "");
        }
        String label = f.axes.xaxis().label();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double y = below + Layout.LABEL_PAD + TextMetrics.ascent(runs, TextPainter.BASE);
            TextPainter.write(w, f.x + f.w / 2, y, label, TextPainter.BASE, "middle", "");
        }
        w.raw('\n');
    }

    private void yAxis() {
        Ticks t = f.yticks;
        tickMarks(t, false);
        double x = f.x - Layout.TICK - Layout.PAD;
        for (int i = 0; i < t.positions().length; i++) {
            double y = f.py(t.positions()[i]) + TextMetrics.CAP * TextPainter.BASE / 2;
            TextPainter.write(w, x, y, t.labels().get(i), TextPainter.BASE, "end", "");
        }
        if (t.offset() != null) {
            TextPainter.write(w, f.x, f.y - 4, t.offset(), TextPainter.BASE, "start", "");
        }
        String label = f.axes.yaxis().label();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double bx = x - Layout.maxWidth(t) - Layout.LABEL_PAD - TextMetrics.descent(runs, TextPainter.BASE);
            double by = f.y + f.h / 2;
            SvgWriter tr = new SvgWriter(64);
            tr.raw(" transform=\"rotate(-90 ").num(bx).raw(' ').num(by).raw(")\"");
            TextPainter.write(w, bx, by, label, TextPainter.BASE, "middle", tr.toString());
        }
        w.raw('\n');
    }

    private void tickMarks(Ticks t, boolean xAxis) {
        w.raw("<path stroke=\"#000\" stroke-width=\"0.8\" d=\"");
        for (double p : t.positions()) {
            tick(p, xAxis, Layout.TICK);
        }
        for (double p : t.minor()) {
            tick(p, xAxis, Layout.TICK * 0.6);
        }
        w.raw("\"/>\n");
    }

    private void tick(double p, boolean xAxis, double len) {
        if (xAxis) {
            w.raw('M').num(f.px(p)).raw(' ').num(f.bottom()).raw('v').num(len);
        } else {
            w.raw('M').num(f.x).raw(' ').num(f.py(p)).raw('h').num(-len);
        }
    }
}
