package org.nnlab.viz.svg;

import org.nnlab.viz.plot.Figure;

/**
 * Turns a {@link Figure} into a self-contained SVG 1.1 document.
 *
 * <p>The document has a {@code <title>} (and a {@code <desc>} when the figure has a description)
 * for screen readers, no external fonts, scripts, styles or links (images are embedded as PNG
 * data URIs), plot content clipped to each axes, and compact numbers. The output depends only on
 * the figure: the same figure always gives the same bytes. Element ids start with the given
 * prefix, so several figures can be inlined into one HTML page.
 */
public final class SvgRenderer {
    /** The font stack: DejaVu Sans (matplotlib's font) where installed, then look-alikes. */
    public static final String FONT_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif";

    private SvgRenderer() {
    }

    /**
     * Renders {@code fig}.
     *
     * @param idPrefix letters, digits, '-' or '_', starting with a letter
     */
    public static String render(Figure fig, String idPrefix) {
        if (idPrefix == null || !idPrefix.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("SVG id prefix '" + idPrefix + "' must start with a letter and hold"
                    + " only letters, digits, '-' or '_'; e.g. \"fig3\"");
        }
        Layout layout = new Layout(fig);
        SvgWriter w = new SvgWriter(16_384);
        w.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .raw(" width=\"").num(layout.width).raw("pt\" height=\"").num(layout.height).raw("pt\"")
                .raw(" viewBox=\"0 0 ").num(layout.width).raw(' ').num(layout.height).raw('"')
                // The <title> child names the image for screen readers, standalone (SVG 1.1) and inline alike.
                .raw(" role=\"img\"")
                .attr("font-family", FONT_FAMILY).raw(" font-size=\"10\">\n");
        w.raw("<title id=\"").raw(idPrefix).raw("-title\">").text(fig.title()).raw("</title>\n");
        if (fig.description() != null) {
            w.raw("<desc>").text(fig.description()).raw("</desc>\n");
        }
        FigurePainter.paint(fig, layout, new SvgCanvas(w, idPrefix));
        w.raw("</svg>\n");
        return w.toString();
    }
}
