package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;

/**
 * The Java2D PNG against headless Chromium's rendering of the same figure's SVG: the same size and
 * the same layout within a few pixels. Runs where Debian's {@code chromium} is installed
 * ({@code apt-get install -y chromium}); skipped elsewhere.
 *
 * <p>Both are drawn at 96 dpi (a CSS pixel is 0.75 pt). "Same layout" means: nearly every dark
 * pixel (spines, ticks, text, lines) of one image has a dark pixel of the other within
 * {@value #RADIUS} pixels, both ways. Anti-aliasing and hinting differ between the two renderers;
 * a misplaced label, tick or line does not pass.
 */
class PngMatchesChromiumTest {
    private static final int RADIUS = 3;
    private static final double REQUIRED = 0.97;

    @Test
    void pngAndChromiumAgreeOnSizeAndLayout(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install -y chromium)");
        for (Figure fig : List.of(PngRendererTest.sample(), grid())) {
            BufferedImage png = PngRenderer.image(fig, 96);
            BufferedImage browser = screenshot(chromium, fig, png.getWidth(), png.getHeight(), dir);
            assertEquals(png.getWidth(), browser.getWidth());
            assertEquals(png.getHeight(), browser.getHeight());
            double a = covered(png, browser);
            double b = covered(browser, png);
            assertTrue(a >= REQUIRED && b >= REQUIRED, fig.title() + ": PNG ink near Chromium's " + a
                    + ", Chromium's near the PNG's " + b);
        }
    }

    /** Scatter with per-point colours, bars with category labels, an image with a colorbar, a suptitle. */
    static Figure grid() {
        Figure fig = new Figure(9, 3.5).suptitle("Three kinds, $w_{ij}^{(2)}$");
        List<Axes> ax = fig.subplots(1, 3);
        ax.get(0).scatter(new double[] {0, 1, 2, 3}, new double[] {1, 3, 2, 4}).classes(0, 1, 0, 1).size(80).edgeColor("k");
        ax.get(0).axisEqual().title("scatter").xlabel("$x_1$").ylabel("$x_2$");
        ax.get(1).bar(List.of("relu", "tanh", "sigmoid"), new double[] {0.98, 0.97, 0.93}).color("C2");
        ax.get(1).ylim(0.9, 1).title("accuracy");
        var im = ax.get(2).imshow(new double[][] {{0, 1, 2}, {3, 4, 5}}).cmap(Colormap.VIRIDIS);
        ax.get(2).colorbar(im, "value");
        return fig;
    }

    @Test
    void theComparisonFailsForAShiftedLayout() {
        BufferedImage png = PngRenderer.image(PngRendererTest.sample(), 96);
        BufferedImage shifted = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = shifted.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, png.getWidth(), png.getHeight());
        g.drawImage(png, 8, 0, null);
        g.dispose();
        assertTrue(covered(png, shifted) < REQUIRED, "an 8-pixel shift must not pass: " + covered(png, shifted));
    }

    /** The fraction of {@code a}'s dark pixels with a dark pixel of {@code b} within RADIUS. */
    static double covered(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        boolean[] darkB = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                darkB[y * w + x] = dark(b.getRGB(x, y));
            }
        }
        long total = 0;
        long near = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!dark(a.getRGB(x, y))) {
                    continue;
                }
                total++;
                search:
                for (int dy = -RADIUS; dy <= RADIUS; dy++) {
                    for (int dx = -RADIUS; dx <= RADIUS; dx++) {
                        int u = x + dx;
                        int v = y + dy;
                        if (u >= 0 && v >= 0 && u < w && v < h && darkB[v * w + u]) {
                            near++;
                            break search;
                        }
                    }
                }
            }
        }
        return total == 0 ? 1 : (double) near / total;
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return 0.299 * r + 0.587 * g + 0.114 * b < 128;
    }

    private static BufferedImage screenshot(Path chromium, Figure fig, int w, int h, Path dir) throws Exception {
        Path svg = dir.resolve("figure.svg");
        Path png = dir.resolve("chromium.png");
        Files.deleteIfExists(png);
        fig.saveSvg(svg);
        Path profile = Files.createTempDirectory(dir, "profile");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile,
                "--screenshot=" + png, "--window-size=" + w + "," + h, svg.toUri().toString())
                .redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.isRegularFile(png), "chromium wrote " + png);
        return ImageIO.read(png.toFile());
    }

    private static Path chromium() {
        for (String name : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (Files.isExecutable(Path.of(name))) {
                return Path.of(name);
            }
        }
        return null;
    }
}
