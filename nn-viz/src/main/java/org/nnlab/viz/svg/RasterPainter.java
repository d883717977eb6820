package org.nnlab.viz.svg;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Image;

/**
 * Paints grid data: images as one embedded PNG (nearest-neighbour scaling, NaN transparent), and
 * filled contours as rectangles of equal band merged along rows and then down columns.
 *
 * <p>A decision-region map of 200 × 200 cells with a few bands thus becomes a few hundred
 * rectangles rather than 40,000; {@code shape-rendering="crispEdges"} keeps adjacent rectangles
 * free of hairline seams. The PNG encoder (javax.imageio) writes no timestamps, so output stays
 * byte-identical.
 */
final class RasterPainter {
    private final SvgWriter w;
    private final AxesFrame f;

    RasterPainter(SvgWriter w, AxesFrame f) {
        this.w = w;
        this.f = f;
    }

    void image(Image im) {
        double xa = f.px(-0.5);
        double xb = f.px(im.cols() - 0.5);
        double ya = f.py(-0.5);
        double yb = f.py(im.rows() - 0.5);
        boolean flipX = xa > xb;
        boolean flipY = ya > yb;
        BufferedImage img = new BufferedImage(im.cols(), im.rows(), BufferedImage.TYPE_INT_ARGB);
        Colormap cmap = im.cmap();
        double span = im.vmax() - im.vmin();
        for (int r = 0; r < im.rows(); r++) {
            for (int c = 0; c < im.cols(); c++) {
                int rgb = cmap.rgbAt(span > 0 ? (im.value(r, c) - im.vmin()) / span : 0.5);
                int argb = rgb < 0 || !Double.isFinite(im.value(r, c)) ? 0 : 0xff000000 | rgb;
                img.setRGB(flipX ? im.cols() - 1 - c : c, flipY ? im.rows() - 1 - r : r, argb);
            }
        }
        w.raw("<image").attr("x", Math.min(xa, xb)).attr("y", Math.min(ya, yb))
                .attr("width", Math.abs(xb - xa)).attr("height", Math.abs(yb - ya))
                .raw(" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\"");
        if (im.alpha() < 1) {
            w.attr("opacity", im.alpha());
        }
        w.raw(" xlink:href=\"data:image/png;base64,").raw(png(img)).raw("\"/>\n");
    }

    static String png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("This JDK has no PNG writer (javax.imageio); cannot embed the image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding an image as PNG in memory failed", e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    void contour(FilledContour c) {
        double[] xs = c.xs();
        double[] ys = c.ys();
        int nx = xs.length;
        int ny = ys.length;
        double[] ex = edges(xs);
        double[] ey = edges(ys);
        double[] px = new double[nx + 1];
        double[] py = new double[ny + 1];
        for (int i = 0; i <= nx; i++) {
            px[i] = f.px(ex[i]);
        }
        for (int j = 0; j <= ny; j++) {
            py[j] = f.py(ey[j]);
        }
        int bands = c.levels().length - 1;
        SvgWriter[] perBand = new SvgWriter[bands];
        List<int[]> open = new ArrayList<>();
        int[] band = new int[nx];
        for (int j = 0; j <= ny; j++) {
            List<int[]> runs = new ArrayList<>();
            if (j < ny) {
                for (int i = 0; i < nx; i++) {
                    band[i] = c.band(c.value(i, j));
                }
                for (int i = 0; i < nx; ) {
                    int k = i;
                    while (k + 1 < nx && band[k + 1] == band[i]) {
                        k++;
                    }
                    if (band[i] >= 0) {
                        runs.add(new int[] {i, k, band[i], j});
                    }
                    i = k + 1;
                }
            }
            List<int[]> next = new ArrayList<>();
            int a = 0;
            for (int[] run : runs) {
                while (a < open.size() && open.get(a)[0] < run[0]) {
                    emit(perBand, open.get(a++), j, px, py);
                }
                if (a < open.size() && open.get(a)[0] == run[0] && open.get(a)[1] == run[1] && open.get(a)[2] == run[2]) {
                    next.add(open.get(a++));
                } else {
                    next.add(run);
                }
            }
            while (a < open.size()) {
                emit(perBand, open.get(a++), j, px, py);
            }
            open = next;
        }
        w.raw("<g shape-rendering=\"crispEdges\"");
        if (c.alpha() < 1) {
            // Group opacity: the bands are composited as one layer, so shared edges never darken.
            w.attr("opacity", c.alpha());
        }
        w.raw(">\n");
        for (int b = 0; b < bands; b++) {
            if (perBand[b] != null) {
                w.raw("<g fill=\"").raw(c.bandColor(b).hex()).raw("\">\n").raw(perBand[b].toString()).raw("</g>\n");
            }
        }
        w.raw("</g>\n");
    }

    /** Writes the rectangle of an open run {i0, i1, band, firstRow} that ends before row {@code endRow}. */
    private static void emit(SvgWriter[] perBand, int[] run, int endRow, double[] px, double[] py) {
        SvgWriter out = perBand[run[2]];
        if (out == null) {
            out = new SvgWriter(1024);
            perBand[run[2]] = out;
        }
        double x0 = Math.min(px[run[0]], px[run[1] + 1]);
        double x1 = Math.max(px[run[0]], px[run[1] + 1]);
        double y0 = Math.min(py[run[3]], py[endRow]);
        double y1 = Math.max(py[run[3]], py[endRow]);
        out.raw("<rect").attr("x", x0).attr("y", y0).attr("width", x1 - x0).attr("height", y1 - y0).raw("/>\n");
    }

    /** Cell edges: halfway between neighbours, the outer ones on the first and last grid value. */
    private static double[] edges(double[] v) {
        double[] e = new double[v.length + 1];
        e[0] = v[0];
        e[v.length] = v[v.length - 1];
        for (int i = 1; i < v.length; i++) {
            e[i] = (v[i - 1] + v[i]) / 2;
        }
        return e;
    }
}
