package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import java.util.List;
import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Mathtext;

/**
 * Paints texts and annotations. An annotation's arrow runs from the edge of the text's box to
 * 2 points short of its target and ends in a filled head, like {@code arrowprops=dict(arrowstyle='-|>')}.
 */
final class AnnotationPainter {
    private static final Color BOX_EDGE = Color.hex("#808080");
    private final Canvas c;
    private final AxesFrame f;

    AnnotationPainter(Canvas c, AxesFrame f) {
        this.c = c;
        this.f = f;
    }

    void paint(Annotation a) {
        double x = a.inAxesCoordinates() ? f.fx(a.x()) : f.px(a.x());
        double y = a.inAxesCoordinates() ? f.fy(a.y()) : f.py(a.y());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        double size = a.fontSize();
        if (a.verticallyCentered()) {
            y += TextMetrics.CAP * size / 2;
        }
        List<Mathtext.Run> runs = Mathtext.parse(a.text());
        double tw = TextMetrics.labelWidth(a.text(), size);
        double left = a.align() == Annotation.Align.LEFT ? x : a.align() == Annotation.Align.CENTER ? x - tw / 2 : x - tw;
        double top = y - TextMetrics.ascent(runs, size);
        double bottom = y + TextMetrics.descent(runs, size);
        if (a.arrowTo() != null) {
            arrow(a, left, top, tw, bottom - top, a.color());
        }
        if (a.boxed()) {
            c.rect(left - 3, top - 3, tw + 6, bottom - top + 6, Color.WHITE, 1, BOX_EDGE, 0.8, 3);
        }
        Canvas.Anchor anchor = a.align() == Annotation.Align.LEFT ? Canvas.Anchor.START
                : a.align() == Annotation.Align.CENTER ? Canvas.Anchor.MIDDLE : Canvas.Anchor.END;
        c.text(x, y, a.text(), size, anchor, a.color(), 0);
    }

    private void arrow(Annotation a, double left, double top, double tw, double th, Color color) {
        double tx = f.px(a.arrowTo()[0]);
        double ty = f.py(a.arrowTo()[1]);
        double cx = left + tw / 2;
        double cy = top + th / 2;
        double dx = tx - cx;
        double dy = ty - cy;
        double len = Math.hypot(dx, dy);
        if (!(len > 1)) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        // Leave the text box: the smallest t at which the ray crosses the box edge, plus 3 points.
        double tEdge = Math.min(Math.abs(ux) > 1e-9 ? (tw / 2 + 3) / Math.abs(ux) : Double.MAX_VALUE,
                Math.abs(uy) > 1e-9 ? (th / 2 + 3) / Math.abs(uy) : Double.MAX_VALUE);
        double sx = cx + ux * tEdge;
        double sy = cy + uy * tEdge;
        double ex = tx - ux * 2;
        double ey = ty - uy * 2;
        if ((ex - sx) * ux + (ey - sy) * uy <= 8) {
            return;
        }
        double hx = ex - ux * 8;
        double hy = ey - uy * 8;
        Path2D.Double shaft = new Path2D.Double();
        shaft.moveTo(sx, sy);
        shaft.lineTo(hx, hy);
        c.stroke(shaft, color, 1, LineStyle.NONE, 1);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(ex, ey);
        head.lineTo(hx - uy * 3, hy + ux * 3);
        head.lineTo(hx + uy * 3, hy - ux * 3);
        head.closePath();
        c.fill(head, color, 1, null, 0);
    }
}
