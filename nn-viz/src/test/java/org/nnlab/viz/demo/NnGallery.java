package org.nnlab.viz.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;
import org.nnlab.viz.nn.ConfusionMatrix;
import org.nnlab.viz.nn.DecisionRegions;
import org.nnlab.viz.nn.FeatureSpace;
import org.nnlab.viz.nn.GradientNorms;
import org.nnlab.viz.nn.Hyperplanes;
import org.nnlab.viz.nn.ImageGrid;
import org.nnlab.viz.nn.NetworkDiagram;
import org.nnlab.viz.nn.PredictionStem;
import org.nnlab.viz.nn.ReluDecomposition;
import org.nnlab.viz.nn.TrainingCurves;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.report.Report;

/**
 * The neural-network part of the gallery: every {@code org.nnlab.viz.nn} figure, drawn from a
 * hand-set XOR network (2-2-1, sigmoid), a 1-4-1 ReLU regression, and synthetic training logs.
 */
final class NnGallery {
    private NnGallery() {
    }

    static void addTo(Report r) {
        Dense hidden = dense(2, 2, Activation.SIGMOID, new double[] {20, -20, 20, -20}, new double[] {-10, 30});
        Dense out = dense(2, 1, Activation.SIGMOID, new double[] {20, 20}, new double[] {-30});
        Tensor x = xorPoints();
        int[] y = xorLabels(x);
        r.section("Neural-network figures");
        Figure regions = new Figure(9, 3.8);
        List<Axes> ax = regions.subplots(1, 3);
        DecisionRegions.draw(ax.get(0), in -> out.forward(hidden.forward(in, false), false), x, y, 150);
        ax.get(0).title("XOR decision regions");
        Hyperplanes.draw(ax.get(1), hidden, x, y);
        FeatureSpace.draw(ax.get(2), hidden, out, x, y);
        r.figure(regions, "A 2-2-1 sigmoid network on XOR: regions, first-layer lines, hidden feature space.");
        r.figure(TrainingCurves.figure(history()), "Training curves from a History: train solid, validation dashed.");
        r.figure(relu(), "A 1-4-1 ReLU network's output as the sum of its neurons' contributions.");
        Figure diagram = new Figure(6, 3.6);
        Dense a = random(2, 4, 1);
        Dense b = random(4, 3, 2);
        Dense c = random(3, 1, 3);
        NetworkDiagram.draw(diagram.subplot(), List.of(a, b, c));
        r.figure(diagram, "A 2-4-3-1 network; edge colour is the weight's sign, width its size.");
        r.figure(images(), "Images with true → predicted labels; wrong predictions in red.");
        Figure pred = new Figure(8, 3.4);
        List<Axes> pa = pred.subplots(1, 2);
        PredictionStem.draw(pa.get(0), new double[] {0.01, 0.02, 0.03, 0.81, 0.01, 0.06, 0.01, 0.02, 0.02, 0.01}, 3);
        SplittableRandom rng = new SplittableRandom(5);
        int[] truth = new int[400];
        int[] guess = new int[400];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % 4;
            guess[i] = rng.nextDouble() < 0.8 ? truth[i] : rng.nextInt(4);
        }
        ConfusionMatrix.draw(pa.get(1), truth, guess, 4);
        pa.get(1).title("Confusion matrix");
        r.figure(pred, "A prediction's class probabilities, and a confusion matrix of 400 predictions.");
        Figure grads = new Figure(6.4, 3.8);
        Map<String, double[]> norms = new LinkedHashMap<>();
        for (int l = 0; l < 4; l++) {
            double[] g = new double[100];
            for (int s = 0; s < g.length; s++) {
                g[s] = Math.pow(0.25, l) * (1 + 0.3 * Math.sin(s / 5.0 + l)) * Math.exp(-s / 80.0);
            }
            norms.put("dense_" + (3 - l) + (l == 0 ? " (output)" : ""), g);
        }
        GradientNorms.draw(grads.subplot(), norms);
        r.figure(grads, "Per-layer gradient norms on a log axis: the first layers' gradients vanish.");
    }

    private static Figure relu() {
        Dense h = dense(1, 4, Activation.RELU, new double[] {1, 1, -1, 1}, new double[] {0, -1.5, -0.5, -2.5});
        Dense o = dense(4, 1, Activation.LINEAR, new double[] {1, -1.6, 0.8, 1.2}, new double[] {-0.2});
        double[] xs = new double[60];
        double[] t = new double[60];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 4.0 * i / (xs.length - 1);
            // The target is what this network computes, plus a little deterministic wiggle.
            double[] w = {1, 1, -1, 1};
            double[] b = {0, -1.5, -0.5, -2.5};
            double[] v = {1, -1.6, 0.8, 1.2};
            t[i] = -0.2 + 0.08 * Math.sin(9 * xs[i]);
            for (int j = 0; j < 4; j++) {
                t[i] += v[j] * Math.max(0, w[j] * xs[i] + b[j]);
            }
        }
        Figure fig = new Figure(6.4, 4);
        ReluDecomposition.draw(fig.subplot(), h, o, xs, t);
        return fig;
    }

    private static Figure images() {
        int n = 8;
        double[] px = new double[n * 28 * 28];
        int[] truth = new int[n];
        int[] pred = new int[n];
        for (int k = 0; k < n; k++) {
            truth[k] = k % 2 == 0 ? 0 : 1;
            pred[k] = k == 3 || k == 6 ? 1 - truth[k] : truth[k];
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    double v = truth[k] == 0 ? 1 - Math.abs(Math.hypot(r - 14, (c - 14) * 1.5) - 8 - k % 3) / 2.5
                            : 1 - Math.abs(c - 14 - (r - 14) * 0.2 * (k % 3)) / 2.0;
                    px[k * 784 + r * 28 + c] = Math.max(0, Math.min(1, v));
                }
            }
        }
        return ImageGrid.figure(Tensor.wrap(px, n, 784), 28, truth, pred, 4);
    }

    private static History history() {
        History h = new History();
        for (int e = 0; e < 30; e++) {
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", 0.7 * Math.exp(-e / 6.0) + 0.05);
            logs.put("accuracy", 1 - 0.5 * Math.exp(-e / 5.0) - 0.02);
            logs.put("val_loss", 0.7 * Math.exp(-e / 7.0) + 0.09 + 0.002 * e);
            logs.put("val_accuracy", 1 - 0.5 * Math.exp(-e / 6.0) - 0.06);
            h.record(logs);
        }
        return h;
    }

    private static Tensor xorPoints() {
        SplittableRandom rng = new SplittableRandom(9);
        double[] d = new double[80 * 2];
        for (int i = 0; i < 80; i++) {
            d[2 * i] = (i % 2) + (rng.nextDouble() - 0.5) * 0.4;
            d[2 * i + 1] = (i / 2 % 2) + (rng.nextDouble() - 0.5) * 0.4;
        }
        return Tensor.wrap(d, 80, 2);
    }

    private static int[] xorLabels(Tensor x) {
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (Math.round(x.get(i, 0)) + Math.round(x.get(i, 1))) % 2 == 1 ? 1 : 0;
        }
        return y;
    }

    /** A built Dense layer with the given kernel (row-major, in × units) and bias. */
    static Dense dense(int in, int units, Activation f, double[] kernel, double[] bias) {
        Dense d = new Dense(units, f);
        d.build(new int[] {in}, Precision.FLOAT64, new SplittableRandom(0));
        System.arraycopy(kernel, 0, d.kernel().value().data(), 0, kernel.length);
        System.arraycopy(bias, 0, d.bias().value().data(), 0, bias.length);
        return d;
    }

    private static Dense random(int in, int units, long seed) {
        Dense d = new Dense(units, Activation.TANH);
        d.build(new int[] {in}, Precision.FLOAT64, new SplittableRandom(seed));
        return d;
    }
}
