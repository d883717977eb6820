package org.nnlab.viz.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Image;
import org.nnlab.viz.plot.Marker;
import org.nnlab.viz.plot.Scale;
import org.nnlab.viz.report.Report;

/**
 * Writes {@code gallery.html}, and one SVG and one PNG per figure, into a folder: every kind of
 * plot nn-viz can draw, for looking at in a browser (see {@code scripts/render-report.sh}). The
 * PNGs come from the Java2D back end at 96 dpi, the resolution at which a browser shows the SVG,
 * so the two can be laid over each other.
 *
 * <p>Usage: {@code java -cp … org.nnlab.viz.demo.Gallery [folder]} (default {@code target/gallery}).
 */
public final class Gallery {
    private Gallery() {
    }

    /** Writes the gallery into the folder {@code args[0]}, or {@code target/gallery} without an argument. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/gallery");
        Report report = build();
        report.writeTo(folder.resolve("gallery.html"));
        List<Path> svgs = report.writeFigures(folder, "figure");
        List<Figure> figures = report.figures();
        for (int i = 0; i < figures.size(); i++) {
            String svg = svgs.get(i).getFileName().toString();
            figures.get(i).savePng(folder.resolve(svg.substring(0, svg.length() - 4) + ".png"), 96);
        }
        System.out.println("Wrote " + folder.resolve("gallery.html") + ", " + svgs.size() + " SVG and as many PNG files");
    }

    /** The gallery report: plotting primitives first, then the neural-network figures. */
    public static Report build() {
        Report r = Report.titled("nn-viz gallery");
        r.paragraph("Every figure kind nn-viz draws, rendered from Java into inline SVG.");
        r.section("Lines, markers and format strings");
        r.figure(activations(), "Activation functions with mathtext labels, a legend and a grid.");
        r.figure(formats(), "Format strings 'ro', 'g^', 'bs', 'k:', 'c', 'm--'; the NaN at x = 5 breaks the line.");
        r.section("The lecture's matplotlib: font sizes, legend codes, axis('equal'), accents");
        r.figure(lectureStyle(), "'bo'/'ro' at alpha 0.4 with the C0/C1 legend at loc=1 (its markers as pale as the"
                + " data), fontsize 15 for title, labels, ticks and legend, linewidth 3, grid alpha 0.3, a title with"
                + " $\\hat{Y}$, and the 0.5 contour line over the filled region.");
        r.figure(equalAxes(), "axis('equal') with xlim/ylim (−2, 2) in a wide box: the box keeps its size and x widens,"
                + " so the hinges' slopes read true (1 and −2).");
        r.section("Scatter, equal axes and annotations");
        r.figure(scatter(), "Two classes with per-point colours and sizes, axis equal, an annotation.");
        r.section("Histograms, bars, stems and log scales");
        r.figure(grid(), "A 2 × 2 grid: hist, bar with categories, stem, and a log-scale y axis.");
        r.section("Images and decision regions");
        r.figure(images(), "imshow in gray and viridis, each with a colorbar.");
        r.figure(regions(), "contourf of a classifier's probability with its data points and a colorbar.");
        NnGallery.addTo(r);
        r.section("Tables and numbers");
        r.table(List.of("layer", "output shape", "params"),
                List.of(List.of("dense (Dense)", "(None, 2)", 6), List.of("dense_1 (Dense)", "(None, 1)", 3)));
        r.numbers(new java.util.LinkedHashMap<>(java.util.Map.of("accuracy", 0.975)));
        r.code("model = Sequential([Dense(2, 'sigmoid'), Dense(1, 'sigmoid')])");
        return r;
    }

    static Figure lectureStyle() {
        Figure fig = new Figure(8, 4);
        List<Axes> ax = fig.subplots(1, 2);
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] cls = new double[4][40];
        for (int i = 0; i < 40; i++) {
            cls[0][i] = 8 * rnd.nextDouble();
            cls[1][i] = 0.5 * cls[0][i] - 1 + rnd.nextDouble() - 2;
            cls[2][i] = 8 * rnd.nextDouble();
            cls[3][i] = 0.5 * cls[2][i] + rnd.nextDouble() + 0.5;
        }
        ax.get(0).plot(cls[0], cls[1], "bo").alpha(0.4).label("C0");
        ax.get(0).plot(cls[2], cls[3], "ro").alpha(0.4).label("C1");
        ax.get(0).plot(new double[] {0, 8}, new double[] {-1.25, 2.75}, "k").lineWidth(3);
        ax.get(0).title("$\\hat{Y} = \\sigma(w \\cdot x + b)$", 15).xlabel("$x_1$", 15).ylabel("$x_2$", 15)
                .tickLabelSize(15).grid(0.3).legend(1, 15);
        double[] g = linspace(-2, 2, 60);
        double[][] z = new double[g.length][g.length];
        for (int j = 0; j < g.length; j++) {
            for (int i = 0; i < g.length; i++) {
                z[j][i] = 1 / (1 + Math.exp(-3 * (g[i] * g[i] + g[j] - 1)));
            }
        }
        ax.get(1).contourf(g, g, z).levels(0, 0.5, 1).colors("C0", "C1").alpha(0.3);
        ax.get(1).contour(g, g, z, 0.5).color("k").lineWidth(1).label("$P = 0.5$");
        ax.get(1).title("region and its 0.5 line").legend(3);
        return fig;
    }

    static Figure equalAxes() {
        Figure fig = new Figure(8, 3);
        List<Axes> ax = fig.subplots(1, 2);
        double[] x = linspace(-2, 2, 81);
        double[] h = new double[x.length];
        double[] h2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            h[i] = Math.max(0, x[i]);
            h2[i] = Math.max(0, -2 * x[i]);
        }
        for (int k = 0; k < 2; k++) {
            ax.get(k).plot(x, h, "b").lineWidth(3).label("$h(x)$");
            ax.get(k).plot(x, h2, "r").lineWidth(3).label("$h(-2x)$");
            ax.get(k).xlim(-2, 2).ylim(-2, 2).grid(0.3).legend(2);
        }
        ax.get(0).title("xlim, ylim (−2, 2)");
        ax.get(1).axisEqual().title("… and axis('equal')");
        return fig;
    }

    static Figure activations() {
        Figure fig = new Figure(6.4, 4.2);
        Axes ax = fig.subplot();
        double[] z = linspace(-5, 5, 201);
        double[] sig = new double[z.length];
        double[] tanh = new double[z.length];
        double[] relu = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            sig[i] = 1 / (1 + Math.exp(-z[i]));
            tanh[i] = Math.tanh(z[i]);
            relu[i] = Math.max(0, z[i]) / 5;
        }
        ax.plot(z, sig, "b-").label("$\\sigma(z) = 1/(1+e^{-z})$");
        ax.plot(z, tanh, "r--").label("$\\tanh(z)$".replace("\\tanh", "\\mathrm{tanh}"));
        ax.plot(z, relu, "g-.").lineWidth(2).label("$\\mathrm{ReLU}(z)/5$");
        ax.axhline(0, "k:").lineWidth(0.8);
        ax.axvline(0, "k:").lineWidth(0.8);
        ax.xlabel("$z$").ylabel("$h(z)$").title("Activations $h(x-0.5)$, $\\omega_0$, $x^3$, $w_{ij}^{(2)}$");
        ax.grid(0.3).legend("upper left");
        return fig;
    }

    static Figure formats() {
        Figure fig = new Figure(6.4, 3.6);
        Axes ax = fig.subplot();
        double[] x = linspace(0, 10, 11);
        String[] fmts = {"ro", "g^", "bs", "k:", "c", "m--"};
        for (int k = 0; k < fmts.length; k++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = k + 0.5 * Math.sin(x[i] + k);
            }
            if (k == 4) {
                y[5] = Double.NaN;
            }
            ax.plot(x, y, fmts[k]).label("'" + fmts[k] + "'");
        }
        ax.xlabel("$x_1$").ylabel("$x_2$").legend("best").xlim(0, 13);
        return fig;
    }

    static Figure scatter() {
        SplittableRandom rng = new SplittableRandom(7);
        Figure fig = new Figure(6, 4.5);
        Axes ax = fig.subplot();
        for (int c = 0; c < 2; c++) {
            double[] x = new double[60];
            double[] y = new double[60];
            double[] s = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = c * 2 + gauss(rng) * 0.7;
                y[i] = c * 1.5 + gauss(rng) * 0.7;
                s[i] = 15 + 60 * rng.nextDouble();
            }
            ax.scatter(x, y).sizes(s).alpha(0.8).edgeColor("k").label("class " + c);
        }
        ax.scatter(new double[] {1}, new double[] {0.75}).marker(Marker.STAR).size(200).color("gold").edgeColor("k")
                .label("centre");
        ax.annotate("midpoint", new double[] {1, 0.75}, new double[] {2.5, -1.5});
        ax.text(0.02, 0.95, "$n = 120$").axesCoordinates();
        ax.axisEqual().grid().legend().xlabel("$x_1$").ylabel("$x_2$").title("Two Gaussian classes");
        return fig;
    }

    static Figure grid() {
        SplittableRandom rng = new SplittableRandom(3);
        Figure fig = new Figure(8, 6);
        List<Axes> ax = fig.subplots(2, 2);
        double[] data = new double[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = gauss(rng);
        }
        ax.get(0).hist(data, 30).edgeColor("w").label("$\\mathcal{N}(0,1)$".replace("\\mathcal{N}", "N"));
        ax.get(0).title("hist").xlabel("value").ylabel("count").legend();
        ax.get(1).bar(List.of("SGD", "Momentum", "RMSprop", "Adam"), new double[] {0.91, 0.95, 0.965, 0.972})
                .color("C1");
        ax.get(1).ylim(0.8, 1).title("bar").ylabel("accuracy");
        double[] p = {0.01, 0.02, 0.05, 0.7, 0.02, 0.04, 0.03, 0.05, 0.06, 0.02};
        ax.get(2).stem(p);
        ax.get(2).title("stem").xlabel("class").ylabel("$P(y = k)$").xticks(linspace(0, 9, 10));
        double[] epochs = linspace(1, 50, 50);
        double[] loss = new double[50];
        for (int i = 0; i < 50; i++) {
            loss[i] = 2 * Math.exp(-i / 6.0) + 1e-3;
        }
        ax.get(3).plot(epochs, loss, "C0").label("loss");
        ax.get(3).yscale(Scale.LOG).grid(0.3).title("log scale").xlabel("epoch").legend("upper right");
        fig.suptitle("Subplots: $2\\times2$");
        return fig;
    }

    static Figure images() {
        Figure fig = new Figure(8, 3.4);
        List<Axes> ax = fig.subplots(1, 2);
        double[][] digit = new double[28][28];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double d = Math.hypot(r - 14, (c - 14) * 1.4);
                digit[r][c] = Math.max(0, 1 - Math.abs(d - 8) / 2.5);
            }
        }
        Image g = ax.get(0).imshow(digit).cmap(Colormap.GRAY);
        ax.get(0).colorbar(g, "intensity").title("gray, 28 × 28");
        double[][] field = new double[40][60];
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 60; c++) {
                field[r][c] = Math.sin(c / 8.0) * Math.cos(r / 6.0);
            }
        }
        Image v = ax.get(1).imshow(field);
        ax.get(1).colorbar(v, "$\\sin(x)\\cos(y)$".replace("\\sin", "\\mathrm{sin}").replace("\\cos", "\\mathrm{cos}"))
                .title("viridis");
        return fig;
    }

    static Figure regions() {
        SplittableRandom rng = new SplittableRandom(11);
        Figure fig = new Figure(6.4, 4.8);
        Axes ax = fig.subplot();
        double[] xs = linspace(-3, 3, 200);
        double[] ys = linspace(-3, 3, 200);
        double[][] z = new double[ys.length][xs.length];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                double r2 = xs[i] * xs[i] + ys[j] * ys[j];
                z[j][i] = 1 / (1 + Math.exp(3 * (r2 - 3)));
            }
        }
        FilledContour cf = ax.contourf(xs, ys, z).levels(linspace(0, 1, 11)).cmap(Colormap.RDBU).alpha(0.5);
        double[] px = new double[80];
        double[] py = new double[80];
        int[] cls = new int[80];
        for (int i = 0; i < 80; i++) {
            double ang = rng.nextDouble() * 2 * Math.PI;
            double rad = i % 2 == 0 ? rng.nextDouble() * 1.3 : 2 + rng.nextDouble() * 0.8;
            px[i] = rad * Math.cos(ang);
            py[i] = rad * Math.sin(ang);
            cls[i] = i % 2;
        }
        ax.scatter(px, py).classes(cls).edgeColor("k");
        ax.colorbar(cf, "$P(y=1 | x)$").xlabel("$x_1$").ylabel("$x_2$").title("Decision regions");
        return fig;
    }

    static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a + (b - a) * i / (n - 1);
        }
        return v;
    }

    private static double gauss(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
