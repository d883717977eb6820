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
 * rectangles rather than 40,000, drawn without anti-aliased edges so that adjacent rectangles show
 * no hairline seams. The PNG encoder (javax.imageio) writes no timestamps, so output stays
 * byte-identical.
 */
final class RasterPainter {
    private final Canvas c;
    private final AxesFrame f;

    RasterPainter(Canvas c, AxesFrame f) {
        this.c = c;
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
        c.image(img, Math.min(xa, xb), Math.min(ya, yb), Math.abs(xb - xa), Math.abs(yb - ya), im.alpha());
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

    void contour(FilledContour fc) {
        double[] xs = fc.xs();
        double[] ys = fc.ys();
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
        int bands = fc.levels().length - 1;
        Cells[] perBand = new Cells[bands];
        List<int[]> open = new ArrayList<>();
        int[] band = new int[nx];
        for (int j = 0; j <= ny; j++) {
            List<int[]> runs = new ArrayList<>();
            if (j < ny) {
                for (int i = 0; i < nx; i++) {
                    band[i] = fc.band(fc.value(i, j));
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
        // Cells never overlap, so each band at the contour's alpha looks as the whole drawn at that opacity.
        for (int b = 0; b < bands; b++) {
            if (perBand[b] != null) {
                c.cells(perBand[b].xywh, perBand[b].count, fc.bandColor(b), fc.alpha());
            }
        }
    }

    /** The rectangles of one band, {x, y, w, h} in turn. */
    private static final class Cells {
        double[] xywh = new double[64];
        int count;

        void add(double x, double y, double w, double h) {
            if (4 * count + 4 > xywh.length) {
                xywh = java.util.Arrays.copyOf(xywh, 2 * xywh.length);
            }
            xywh[4 * count] = x;
            xywh[4 * count + 1] = y;
            xywh[4 * count + 2] = w;
            xywh[4 * count + 3] = h;
            count++;
        }
    }

    /** Writes the rectangle of an open run {i0, i1, band, firstRow} that ends before row {@code endRow}. */
    private static void emit(Cells[] perBand, int[] run, int endRow, double[] px, double[] py) {
        Cells out = perBand[run[2]];
        if (out == null) {
            out = new Cells();
            perBand[run[2]] = out;
        }
        double x0 = Math.min(px[run[0]], px[run[1] + 1]);
        double x1 = Math.max(px[run[0]], px[run[1] + 1]);
        double y0 = Math.min(py[run[3]], py[endRow]);
        double y1 = Math.max(py[run[3]], py[endRow]);
        out.add(x0, y0, x1 - x0, y1 - y0);
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
