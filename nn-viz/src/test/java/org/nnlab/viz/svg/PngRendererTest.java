package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/** The Java2D back end: sizes as matplotlib's savefig, deterministic bytes, every figure kind drawn. */
class PngRendererTest {

    static Figure sample() {
        Figure fig = new Figure(6, 4);
        Axes ax = fig.subplot();
        double[] x = GoldenSvgTest.range(-2, 2, 41);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(0, x[i]);
        }
        ax.plot(x, y, "C0-").lineWidth(3).label("$h(x)$");
        ax.plot(new double[] {-1, 0, 1}, new double[] {1, 0.5, 1}, "ro").alpha(0.4).label("C1");
        ax.title("ReLU $\\hat{y}$", 15).xlabel("$x$").ylabel("$y$").grid(0.3).legend(2);
        return fig;
    }

    @Test
    void sizeIsFigsizeTimesDpiAsInMatplotlib() {
        BufferedImage img = PngRenderer.image(sample(), 100);
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        assertEquals(1800, PngRenderer.image(sample(), 300).getWidth());
    }

    @Test
    void sameFigureGivesTheSameBytes() {
        assertArrayEquals(sample().toPng(100), sample().toPng(100));
    }

    @Test
    void drawsTheLineTheMarkersAndTheText() {
        BufferedImage img = PngRenderer.image(sample(), 100);
        int blue = 0;
        int pale = 0;
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                blue += b > 150 && r < 60 && g > 90 && g < 150 ? 1 : 0;   // C0 #1f77b4
                pale += r == 255 && g > 140 && g < 175 && b > 140 && b < 175 ? 1 : 0;   // red at alpha 0.4 on white
                dark += r + g + b < 150 ? 1 : 0;
            }
        }
        assertTrue(blue > 500, "the 3 pt line: " + blue);
        assertTrue(pale > 60, "the pale red markers: " + pale);
        assertTrue(dark > 1000, "spines and text: " + dark);
    }

    @Test
    void savefigChoosesTheFormatByExtension(@TempDir Path dir) throws Exception {
        sample().savefig(dir.resolve("f.png"));
        sample().savefig(dir.resolve("f.svg"));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("f.png"))));
        assertEquals(600, png.getWidth());
        assertTrue(Files.readString(dir.resolve("f.svg")).startsWith("<svg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().savefig(dir.resolve("f.jpg")));
        assertEquals("savefig: cannot tell the format of 'f.jpg'; expected a name ending in .svg or .png."
                + " Hint: fig.savefig(Path.of(\"figure.png\")).", e.getMessage());
    }

    @Test
    void refusesAnAbsurdResolution() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PngRenderer.image(sample(), 0));
        assertEquals("dpi (0.0) must be in [10, 1200]; matplotlib's default is 100, print quality is 300", e.getMessage());
    }
}
