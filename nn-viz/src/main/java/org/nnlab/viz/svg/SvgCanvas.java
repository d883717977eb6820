package org.nnlab.viz.svg;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.LineStyle;
import org.nnlab.viz.plot.Marker;

/**
 * Draws onto SVG markup: paths as compact {@code d} strings, markers of one series grouped under
 * one fill, texts through {@link TextPainter}, images as PNG data URIs. Clip paths and gradients
 * get ids {@code <prefix>-c0, -c1, …} and {@code <prefix>-g0, …}, unique per figure.
 */
final class SvgCanvas implements Canvas {
    private final SvgWriter w;
    private final String prefix;
    private final java.util.Map<String, String> clipIds = new java.util.HashMap<>();
    private int gradients;

    SvgCanvas(SvgWriter w, String prefix) {
        this.w = w;
        this.prefix = prefix;
    }

    @Override
    public void beginClip(double x, double y, double wd, double h) {
        SvgWriter rect = new SvgWriter(64);
        rect.raw("<rect").attr("x", x).attr("y", y).attr("width", wd).attr("height", h).raw("/>");
        String id = clipIds.get(rect.toString());
        if (id == null) {
            // One clip path per distinct rectangle (usually one per axes), reused by every group.
            id = prefix + "-c" + clipIds.size();
            clipIds.put(rect.toString(), id);
            w.raw("<clipPath id=\"").raw(id).raw("\">").raw(rect.toString()).raw("</clipPath>\n");
        }
        w.raw("<g clip-path=\"url(#").raw(id).raw(")\">\n");
    }

    @Override
    public void endClip() {
        w.raw("</g>\n");
    }

    @Override
    public void stroke(Path2D path, Color color, double width, LineStyle style, double alpha) {
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
        d(path);
        w.raw("/>\n");
    }

    @Override
    public void fill(Path2D path, Color fill, double alpha, Color edge, double edgeWidth) {
        w.raw("<path fill=\"").raw(fill.hex()).raw('"');
        if (alpha < 1) {
            w.attr("fill-opacity", alpha);
        }
        edge(edge, edgeWidth);
        d(path);
        w.raw("/>\n");
    }

    @Override
    public void rect(double x, double y, double wd, double h, Color fill, double fillAlpha, Color edge,
                     double edgeWidth, double radius) {
        w.raw("<rect").attr("x", x).attr("y", y).attr("width", wd).attr("height", h);
        if (radius > 0) {
            w.attr("rx", radius);
        }
        w.raw(" fill=\"").raw(fill == null ? "none" : fill.hex()).raw('"');
        if (fill != null && fillAlpha < 1) {
            w.attr("fill-opacity", fillAlpha);
        }
        edge(edge, edgeWidth);
        w.raw("/>\n");
    }

    @Override
    public void markers(Marker m, double[] px, double[] py, double[] diameters, Color[] colors, Color color,
                        double alpha, Color edge, double edgeWidth) {
        boolean filled = m.filled();
        w.raw("<g");
        if (filled) {
            w.raw(" fill=\"").raw(color.hex()).raw('"');
            edge(edge, edgeWidth);
        } else {
            w.raw(" fill=\"none\" stroke=\"").raw(color.hex()).raw("\" stroke-width=\"1\"");
        }
        if (alpha < 1) {
            // fill- and stroke-opacity inherit to each marker, so overlapping markers stack as in matplotlib
            w.attr("fill-opacity", alpha).attr("stroke-opacity", alpha);
        }
        w.raw(">\n");
        for (int i = 0; i < px.length; i++) {
            double r = diameters[diameters.length == 1 ? 0 : i] / 2;
            if (m == Marker.CIRCLE || m == Marker.POINT) {
                w.raw("<circle").attr("cx", px[i]).attr("cy", py[i]).attr("r", m == Marker.POINT ? r / 2 : r);
            } else if (m == Marker.PIXEL) {
                w.raw("<rect").attr("x", px[i] - 0.5).attr("y", py[i] - 0.5).raw(" width=\"1\" height=\"1\"");
            } else {
                w.raw("<path");
                d(MarkerPath.shape(m, px[i], py[i], 2 * r));
            }
            if (colors != null) {
                w.raw(filled ? " fill=\"" : " stroke=\"").raw(colors[i].hex()).raw('"');
            }
            w.raw("/>\n");
        }
        w.raw("</g>\n");
    }

    @Override
    public void text(double x, double y, String label, double size, Anchor anchor, Color color, double rotation) {
        StringBuilder extra = new StringBuilder();
        if (!color.equals(Color.BLACK)) {
            extra.append(" fill=\"").append(color.hex()).append('"');
        }
        if (rotation != 0) {
            SvgWriter tr = new SvgWriter(64);
            tr.raw(" transform=\"rotate(").num(-rotation).raw(' ').num(x).raw(' ').num(y).raw(")\"");
            extra.append(tr);
        }
        TextPainter.write(w, x, y, label, size, anchor, extra.toString());
        w.raw('\n');
    }

    @Override
    public void image(BufferedImage img, double x, double y, double wd, double h, double alpha) {
        w.raw("<image").attr("x", x).attr("y", y).attr("width", wd).attr("height", h)
                .raw(" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"");
        if (alpha < 1) {
            w.attr("opacity", alpha);
        }
        w.raw(" xlink:href=\"data:image/png;base64,").raw(RasterPainter.png(img)).raw("\"/>\n");
    }

    @Override
    public void cells(double[] rects, int count, Color color, double alpha) {
        w.raw("<g shape-rendering=\"crispEdges\" fill=\"").raw(color.hex()).raw('"');
        if (alpha < 1) {
            w.attr("fill-opacity", alpha);
        }
        w.raw(">\n");
        for (int i = 0; i < count; i++) {
            w.raw("<rect").attr("x", rects[4 * i]).attr("y", rects[4 * i + 1]).attr("width", rects[4 * i + 2])
                    .attr("height", rects[4 * i + 3]).raw("/>\n");
        }
        w.raw("</g>\n");
    }

    @Override
    public void verticalGradient(double x, double y, double wd, double h, Colormap cmap) {
        String id = prefix + "-g" + gradients++;
        w.raw("<linearGradient id=\"").raw(id).raw("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int i = 0; i <= GRADIENT_STOPS; i++) {
            Color c = cmap.at(i / (double) GRADIENT_STOPS);
            w.raw("<stop").attr("offset", i / (double) GRADIENT_STOPS).raw(" stop-color=\"").raw(c.hex()).raw("\"/>");
        }
        w.raw("</linearGradient>\n<rect").attr("x", x).attr("y", y).attr("width", wd).attr("height", h)
                .raw(" fill=\"url(#").raw(id).raw(")\"/>\n");
    }

    private void edge(Color edge, double width) {
        if (edge != null) {
            w.raw(" stroke=\"").raw(edge.hex()).raw('"').attr("stroke-width", width);
        }
    }

    /** Writes {@code d="…"}: M for moves, bare coordinate pairs for lines after them, Z to close. */
    private void d(Path2D path) {
        w.raw(" d=\"");
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> w.raw('M').num(c[0]).raw(' ').num(c[1]);
                case PathIterator.SEG_LINETO -> w.raw(' ').num(c[0]).raw(' ').num(c[1]);
                case PathIterator.SEG_CLOSE -> w.raw('Z');
                default -> throw new IllegalStateException("Only straight segments are drawn");
            }
        }
        w.raw('"');
    }
}
