package org.nnlab.viz.svg;

import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Figure;

/** Paints a laid-out figure on any canvas: the white page, the suptitle, then each axes. */
final class FigurePainter {
    private FigurePainter() {
    }

    static void paint(Figure fig, Layout layout, Canvas c) {
        c.rect(0, 0, layout.width, layout.height, Color.WHITE, 1, null, 0, 0);
        if (fig.suptitle() != null) {
            c.text(layout.width / 2, layout.suptitleBaseline, fig.suptitle(), layout.suptitleSize, Canvas.Anchor.MIDDLE,
                    Color.BLACK, 0);
        }
        for (AxesFrame f : layout.frames) {
            new AxesPainter(c, f).paint();
        }
    }
}
