package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import java.util.List;
import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Series;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.plot.Ticks;

/**
 * Paints one axes in matplotlib's paint order: images, filled contours and bars, then the grid,
 * then lines, scatters and stems (clipped to the box, their markers not), then spines, ticks,
 * labels, title, colorbar, legend and texts. Spines are black, 0.8 pt; ticks point outwards,
 * 3.5 pt long.
 */
final class AxesPainter {
    private static final Color GRID_COLOR = Color.hex("#b0b0b0");
    private final Canvas c;
    private final AxesFrame f;

    AxesPainter(Canvas c, AxesFrame f) {
        this.c = c;
        this.f = f;
    }

    void paint() {
        SeriesPainter painter = new SeriesPainter(c, f);
        List<Series> all = f.axes.series();
        c.beginClip(f.x, f.y, f.w, f.h);
        for (Series s : all) {
            if (isPatch(s.kind())) {
                painter.paint(s);
            }
        }
        c.endClip();
        grid();
        for (Series s : all) {
            if (!isPatch(s.kind())) {
                painter.paint(s);
            }
        }
        if (f.axes.axisOn()) {
            c.rect(f.x, f.y, f.w, f.h, null, 1, Color.BLACK, 0.8, 0);
            xAxis();
            yAxis();
        }
        if (f.axes.title() != null) {
            List<Mathtext.Run> runs = Mathtext.parse(f.axes.title());
            double size = f.titleSize;
            double base = f.y - 6 - TextMetrics.descent(runs, size)
                    - (f.yticks.offset() != null ? f.tickSize * 1.3 : 0);
            c.text(f.x + f.w / 2, base, f.axes.title(), size, Canvas.Anchor.MIDDLE, f.axes.titleColor(), 0);
        }
        if (f.axes.colorbar() != null) {
            new ColorbarPainter(c, f).paint();
        }
        if (f.axes.legendLocation() != null && !f.axes.legendEntries().isEmpty()) {
            new LegendPainter(c, f).paint();
        }
        for (Annotation a : f.axes.annotations()) {
            new AnnotationPainter(c, f).paint(a);
        }
    }

    private static boolean isPatch(SeriesKind k) {
        return k == SeriesKind.IMAGE || k == SeriesKind.CONTOURF || k == SeriesKind.BAR || k == SeriesKind.HIST;
    }

    private void grid() {
        if (f.axes.gridAlpha() < 0) {
            return;
        }
        Path2D.Double p = new Path2D.Double();
        for (double t : f.xticks.positions()) {
            p.moveTo(f.px(t), f.y);
            p.lineTo(f.px(t), f.bottom());
        }
        for (double t : f.yticks.positions()) {
            p.moveTo(f.x, f.py(t));
            p.lineTo(f.right(), f.py(t));
        }
        c.stroke(p, GRID_COLOR, 0.8, LineStyle.SOLID, f.axes.gridAlpha());
    }

    private void xAxis() {
        Ticks t = f.xticks;
        double size = f.tickSize;
        tickMarks(t, true);
        double top = f.bottom() + Layout.TICK + Layout.PAD;
        for (int i = 0; i < t.positions().length; i++) {
            double x = f.px(t.positions()[i]);
            if (f.rotateXLabels) {
                c.text(x, top + TextMetrics.CAP * size * 0.6, t.labels().get(i), size, Canvas.Anchor.END, Color.BLACK,
                        Layout.ROTATION);
            } else {
                c.text(x, top + TextMetrics.CAP * size, t.labels().get(i), size, Canvas.Anchor.MIDDLE, Color.BLACK, 0);
            }
        }
        double below = top + Layout.xTickBand(f);
        if (t.offset() != null) {
            below += size * 1.3;
            c.text(f.right(), below - TextMetrics.DESCENT * size, t.offset(), size, Canvas.Anchor.END, Color.BLACK, 0);
        }
        String label = f.axes.xaxis().label();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double y = below + Layout.LABEL_PAD + TextMetrics.ascent(runs, f.xLabelSize);
            c.text(f.x + f.w / 2, y, label, f.xLabelSize, Canvas.Anchor.MIDDLE, Color.BLACK, 0);
        }
    }

    private void yAxis() {
        Ticks t = f.yticks;
        double size = f.tickSize;
        tickMarks(t, false);
        double x = f.x - Layout.TICK - Layout.PAD;
        for (int i = 0; i < t.positions().length; i++) {
            double y = f.py(t.positions()[i]) + TextMetrics.CAP * size / 2;
            c.text(x, y, t.labels().get(i), size, Canvas.Anchor.END, Color.BLACK, 0);
        }
        if (t.offset() != null) {
            c.text(f.x, f.y - 4, t.offset(), size, Canvas.Anchor.START, Color.BLACK, 0);
        }
        String label = f.axes.yaxis().label();
        if (label != null) {
            List<Mathtext.Run> runs = Mathtext.parse(label);
            double bx = x - Layout.maxWidth(t, size) - Layout.LABEL_PAD - TextMetrics.descent(runs, f.yLabelSize);
            c.text(bx, f.y + f.h / 2, label, f.yLabelSize, Canvas.Anchor.MIDDLE, Color.BLACK, 90);
        }
    }

    private void tickMarks(Ticks t, boolean xAxis) {
        Path2D.Double p = new Path2D.Double();
        for (double v : t.positions()) {
            tick(p, v, xAxis, Layout.TICK);
        }
        for (double v : t.minor()) {
            tick(p, v, xAxis, Layout.TICK * 0.6);
        }
        // Tick marks: solid, with butt caps (LineStyle.NONE strokes without square caps).
        c.stroke(p, Color.BLACK, 0.8, LineStyle.NONE, 1);
    }

    private void tick(Path2D.Double p, double v, boolean xAxis, double len) {
        if (xAxis) {
            p.moveTo(f.px(v), f.bottom());
            p.lineTo(f.px(v), f.bottom() + len);
        } else {
            p.moveTo(f.x, f.py(v));
            p.lineTo(f.x - len, f.py(v));
        }
    }
}
