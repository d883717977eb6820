package org.nnlab.viz.nn;

import java.util.List;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Marker;

/**
 * A network diagram: a column of neurons per layer, an edge per weight coloured by sign (blue
 * positive, red negative) with width proportional to |w| (the largest weight 3.5 points wide).
 */
public final class NetworkDiagram {
    private NetworkDiagram() {
    }

    /** Draws the built {@code layers} (each one's input is the previous one's output). */
    public static void draw(Axes ax, List<Dense> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("NetworkDiagram: no layers; expected at least one built Dense layer");
        }
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = layers.get(0).kernel().value().dim(0);
        double max = 1e-12;
        for (int l = 0; l < layers.size(); l++) {
            sizes[l + 1] = layers.get(l).units();
            if (layers.get(l).kernel().value().dim(0) != sizes[l]) {
                throw new IllegalArgumentException("NetworkDiagram: layer " + l + " takes " + layers.get(l).kernel().value().dim(0)
                        + " inputs but the previous layer has " + sizes[l] + " units; expected consecutive layers");
            }
            for (double w : layers.get(l).kernel().value().to(Precision.FLOAT64).data()) {
                max = Math.max(max, Math.abs(w));
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            double[] w = layers.get(l).kernel().value().to(Precision.FLOAT64).data();
            int out = sizes[l + 1];
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < out; j++) {
                    double wij = w[i * out + j];
                    ax.plot(new double[] {l, l + 1}, new double[] {y(i, sizes[l]), y(j, out)}, wij >= 0 ? "C0" : "C3")
                            .lineWidth(Math.max(0.2, 3.5 * Math.abs(wij) / max)).alpha(0.8);
                }
            }
        }
        for (int l = 0; l < sizes.length; l++) {
            double[] xs = new double[sizes[l]];
            double[] ys = new double[sizes[l]];
            for (int i = 0; i < sizes[l]; i++) {
                xs[i] = l;
                ys[i] = y(i, sizes[l]);
            }
            ax.scatter(xs, ys).marker(Marker.CIRCLE).size(sizes[l] > 20 ? 40 : 220).color("w").edgeColor("k");
            ax.text(l, -0.62, l == 0 ? "input" : l == sizes.length - 1 ? "output" : "hidden " + l)
                    .align(org.nnlab.viz.plot.Annotation.Align.CENTER);
        }
        ax.xlim(-0.4, sizes.length - 0.6).ylim(-0.75, 0.6).axisOff().title("Network weights: blue > 0, red < 0");
    }

    /** Vertical position of neuron i of n, centred on 0 within ±0.5. */
    private static double y(int i, int n) {
        return n == 1 ? 0 : 0.5 - (double) i / (n - 1);
    }
}
