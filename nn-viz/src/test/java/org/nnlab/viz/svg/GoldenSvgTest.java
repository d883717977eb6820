package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;

/**
 * Compares rendered SVG byte for byte with files under src/test/resources/golden. After an
 * intended change, rewrite them with {@code -Dnnlab.updateGolden=true} and review the diff.
 */
class GoldenSvgTest {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private static void check(String name, Figure fig) throws IOException {
        String svg = fig.toSvg();
        WellFormed.parse(svg);
        Path file = DIR.resolve(name + ".svg");
        if (Boolean.getBoolean("nnlab.updateGolden") || !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), svg,
                "SVG differs from " + file + "; rerun with -Dnnlab.updateGolden=true if the change is intended");
    }

    static double[] range(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    @Test
    void sigmoidLinePlotMatchesGolden() throws IOException {
        double[] z = range(-6, 6, 61);
        double[] s = new double[z.length];
        double[] d = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            s[i] = 1 / (1 + Math.exp(-z[i]));
            d[i] = s[i] * (1 - s[i]);
        }
        Figure fig = new Figure(5, 3.5);
        Axes ax = fig.subplot();
        ax.plot(z, s, "C0").label("$\\sigma(z)$");
        ax.plot(z, d, "C1--").label("$\\sigma'(z)$".replace("'", "\\prime"));
        ax.xlabel("$z$").title("Sigmoid and its derivative").grid(0.3).legend("upper left");
        check("sigmoid", fig);
    }

    @Test
    void decisionRegionsMatchGolden() throws IOException {
        double[] xs = range(-1, 2, 31);
        double[][] z = new double[xs.length][xs.length];
        for (int j = 0; j < xs.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                z[j][i] = xs[i] + xs[j] > 1 ? 1 : 0;
            }
        }
        Figure fig = new Figure(4, 3.5);
        Axes ax = fig.subplot();
        ax.contourf(xs, xs, z).levels(-0.5, 0.5, 1.5).colors("C0", "C1").alpha(0.3);
        ax.scatter(new double[] {0, 0, 1, 1}, new double[] {0, 1, 0, 1}).classes(0, 1, 1, 1).edgeColor("k");
        ax.xlabel("$x_1$").ylabel("$x_2$").title("OR");
        check("regions", fig);
    }

    @Test
    void histogramAndBarsGridMatchesGolden() throws IOException {
        Figure fig = new Figure(7, 3);
        List<Axes> ax = fig.subplots(1, 2);
        ax.get(0).hist(new double[] {1, 2, 2, 3, 3, 3, 4, 4, 5}, 5).edgeColor("w");
        ax.get(0).title("hist").xlabel("value");
        ax.get(1).bar(List.of("relu", "tanh", "sigmoid"), new double[] {0.98, 0.97, 0.93}).color("C2");
        ax.get(1).ylim(0.9, 1).title("accuracy");
        var im = new Figure().subplot().imshow(new double[][] {{0}}).cmap(Colormap.GRAY);
        assertEquals(Colormap.GRAY, im.cmap());
        check("bars", fig);
    }
}
