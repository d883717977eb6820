package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.Mathtext;

/**
 * Writes a label as an SVG {@code <text>}: mathtext runs become {@code <tspan>}s, italic where TeX
 * sets italic, and scripts are shrunk and moved with {@code dy} (every run restores the baseline
 * relative to the previous one), which all browsers and editors render alike.
 */
final class TextPainter {
    /** Font size of tick labels, axis labels and legends, in points (matplotlib's "medium"). */
    static final double BASE = 10;

    private TextPainter() {
    }

    /**
     * Writes {@code label} anchored at (x, y) on its baseline.
     *
     * @param extra further attributes, with a leading space (e.g. a fill or transform), or ""
     */
    static void write(SvgWriter w, double x, double y, String label, double size, Canvas.Anchor anchor, String extra) {
        List<Mathtext.Run> runs = Mathtext.parse(label);
        w.raw("<text").attr("x", x).attr("y", y);
        if (anchor != Canvas.Anchor.START) {
            w.raw(" text-anchor=\"").raw(anchor == Canvas.Anchor.MIDDLE ? "middle" : "end").raw('"');
        }
        if (size != BASE) {
            w.attr("font-size", size);
        }
        w.raw(extra).raw('>');
        if (runs.size() == 1 && runs.get(0).level() == 0 && !runs.get(0).italic()) {
            w.text(runs.get(0).text());
        } else {
            double previous = 0;
            for (Mathtext.Run r : runs) {
                double offset = baselineOffset(r.level());
                w.raw("<tspan");
                if (r.italic()) {
                    w.raw(" font-style=\"italic\"");
                }
                if (offset != previous) {
                    w.attr("dy", -(offset - previous) * size);
                }
                if (r.level() != 0) {
                    w.attr("font-size", size * TextMetrics.scale(r.level()));
                }
                w.raw('>').text(r.text()).raw("</tspan>");
                previous = offset;
            }
        }
        w.raw("</text>");
    }

    /** The height of script level {@code level} above the baseline, in em of the base size. */
    static double baselineOffset(int level) {
        double off = 0;
        for (int k = 0; k < Math.abs(level); k++) {
            off += (level > 0 ? TextMetrics.SUPER_SHIFT : TextMetrics.SUB_SHIFT) * TextMetrics.scale(k);
        }
        return level >= 0 ? off : -off;
    }
}
