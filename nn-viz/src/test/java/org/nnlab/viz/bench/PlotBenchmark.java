package org.nnlab.viz.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;

/**
 * Times building and rendering three large figures to SVG and prints one line per figure.
 *
 * <p>The cases: a 10,000-point scatter with per-point colours; a 200 × 200 decision-region map
 * (contourf with 3 class bands, plus 200 data points); a 200 × 200 probability heatmap (contourf
 * with 10 bands and a colorbar). Each case is warmed up 5 times, then timed 15 times; the median
 * (with min and max) is printed with the SVG size.
 * Run: {@code mvn -q -pl nn-viz -am compile exec:java -Dexec.mainClass=org.nnlab.viz.bench.PlotBenchmark}.
 */
public final class PlotBenchmark {
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    private PlotBenchmark() {
    }

    /** Runs each case and prints one line per case: median, min and max time, and SVG size; takes no arguments. */
    public static void main(String[] args) {
        report("scatter, 10,000 points, per-point colours", PlotBenchmark::scatter);
        report("decision regions, 200 x 200 grid, 3 classes", PlotBenchmark::regions);
        report("heatmap, 200 x 200 grid, 10 probability bands", PlotBenchmark::heatmap);
    }

    private static void report(String name, Supplier<String> render) {
        String svg = "";
        for (int i = 0; i < WARMUP; i++) {
            svg = render.get();
        }
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            svg = render.get();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-48s median %7.2f ms (min %.2f, max %.2f)  SVG %,9d bytes%n", name,
                ns[RUNS / 2] / 1e6, ns[0] / 1e6, ns[RUNS - 1] / 1e6, svg.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String scatter() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i % 3;
            x[i] = c[i] + rng.nextDouble() * 2;
            y[i] = c[i] * 0.5 + rng.nextDouble() * 2;
        }
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        ax.scatter(x, y).classes(c).size(9).alpha(0.6);
        ax.xlabel("$x_1$").ylabel("$x_2$").title("10,000 points");
        return fig.toSvg();
    }

    private static String regions() {
        double[] g = grid(200);
        double[][] z = new double[200][200];
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 200; i++) {
                double a = Math.atan2(g[j], g[i]);
                z[j][i] = Math.floorMod((int) Math.floor((a + Math.PI) / (2 * Math.PI / 3) + Math.hypot(g[i], g[j])), 3);
            }
        }
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        ax.contourf(g, g, z).levels(-0.5, 0.5, 1.5, 2.5).colors("C0", "C1", "C2").alpha(0.3);
        SplittableRandom rng = new SplittableRandom(1);
        double[] px = new double[200];
        double[] py = new double[200];
        for (int i = 0; i < 200; i++) {
            px[i] = rng.nextDouble() * 6 - 3;
            py[i] = rng.nextDouble() * 6 - 3;
        }
        ax.scatter(px, py).color("k").size(9);
        return fig.toSvg();
    }

    private static String heatmap() {
        double[] g = grid(200);
        double[][] z = new double[200][200];
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 200; i++) {
                z[j][i] = 1 / (1 + Math.exp(-(Math.sin(2 * g[i]) + g[j])));
            }
        }
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        ax.colorbar(ax.contourf(g, g, z).cmap(Colormap.RDBU).levels(10), "p");
        return fig.toSvg();
    }

    private static double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -3 + 6.0 * i / (n - 1);
        }
        return g;
    }
}
