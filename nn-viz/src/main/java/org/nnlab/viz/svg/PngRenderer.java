package org.nnlab.viz.svg;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.nnlab.viz.plot.Figure;

/**
 * Renders a {@link Figure} to a PNG image with Java2D, from the same layout and paint calls as the
 * SVG: at {@code dpi} dots per inch a 6.4 × 4.8 inch figure is 6.4·dpi × 4.8·dpi pixels (matplotlib's
 * {@code savefig(dpi=…)}; its default is {@value #DEFAULT_DPI}). Text is set in the bundled DejaVu
 * Sans; the image is opaque RGB on white, and the PNG holds no timestamp, so the same figure gives
 * the same bytes.
 */
public final class PngRenderer {
    /** matplotlib's default {@code savefig} resolution. */
    public static final double DEFAULT_DPI = 100;

    private PngRenderer() {
    }

    /**
     * The figure as an image of round(width·dpi) × round(height·dpi) pixels.
     *
     * @throws IllegalArgumentException unless dpi is in [10, 1200] and the image has at most 100 megapixels
     */
    public static BufferedImage image(Figure fig, double dpi) {
        if (!(dpi >= 10 && dpi <= 1200)) {
            throw new IllegalArgumentException("dpi (" + dpi + ") must be in [10, 1200]; matplotlib's default is 100,"
                    + " print quality is 300");
        }
        int w = (int) Math.round(fig.width() * dpi);
        int h = (int) Math.round(fig.height() * dpi);
        if ((long) w * h > 100_000_000L) {
            throw new IllegalArgumentException("A " + fig.width() + " × " + fig.height() + " inch figure at " + dpi
                    + " dpi is " + w + " × " + h + " pixels, more than 100 megapixels. Hint: lower the dpi.");
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(w / (fig.width() * 72), h / (fig.height() * 72));
            FigurePainter.paint(fig, new Layout(fig), new Java2DCanvas(g));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The figure encoded as PNG bytes at {@code dpi}. */
    public static byte[] png(Figure fig, double dpi) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(fig, dpi), "png", out)) {
                throw new IllegalStateException("This JDK has no PNG writer (javax.imageio); cannot write a PNG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding the figure as PNG in memory failed", e);
        }
        return out.toByteArray();
    }
}
