package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Mathtext;

/**
 * Paints texts and annotations. An annotation's arrow runs from the edge of the text's box to
 * 2 points short of its target and ends in a filled head, like {@code arrowprops=dict(arrowstyle='-|>')}.
 */
final class AnnotationPainter {
    private final SvgWriter w;
    private final AxesFrame f;

    AnnotationPainter(SvgWriter w, AxesFrame f) {
        this.w = w;
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
        String color = a.color().hex();
        if (a.arrowTo() != null) {
            arrow(a, left, top, tw, bottom - top, color);
        }
        if (a.boxed()) {
            w.raw("<rect").attr("x", left - 3).attr("y", top - 3).attr("width", tw + 6).attr("height", bottom - top + 6)
                    .raw(" rx=\"3\" fill=\"#fff\" stroke=\"#808080\" stroke-width=\"0.8\"/>\n");
        }
        String anchor = a.align() == Annotation.Align.LEFT ? "start" : a.align() == Annotation.Align.CENTER ? "middle" : "end";
        TextPainter.write(w, x, y, a.text(), size, anchor, color.equals("#000") ? "" : " fill=\"" + color + "\"");
        w.raw('\n');
    }

    private void arrow(Annotation a, double left, double top, double tw, double th, String color) {
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
        w.raw("<path fill=\"none\" stroke=\"").raw(color).raw("\" stroke-width=\"1\" d=\"M").num(sx).raw(' ').num(sy)
                .raw('L').num(hx).raw(' ').num(hy).raw("\"/>\n");
        w.raw("<path fill=\"").raw(color).raw("\" d=\"M").num(ex).raw(' ').num(ey)
                .raw('L').num(hx - uy * 3).raw(' ').num(hy + ux * 3)
                .raw('L').num(hx + uy * 3).raw(' ').num(hy - ux * 3).raw("Z\"/>\n");
    }
}
