package org.nnlab.viz.nn;

import java.util.Map;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Scale;

/**
 * Per-layer gradient norms over training on a log y axis: the figure that shows vanishing (or
 * exploding) gradients, one line per layer in the map's iteration order (use a LinkedHashMap).
 * Non-positive norms cannot be shown on a log axis and are left out of the lines.
 */
public final class GradientNorms {
    private GradientNorms() {
    }

    /** Draws each layer's series against steps 1, 2, …. */
    public static void draw(Axes ax, Map<String, double[]> normsByLayer) {
        if (normsByLayer.isEmpty()) {
            throw new IllegalArgumentException("GradientNorms: no layers; expected layer name → norms per step");
        }
        for (Map.Entry<String, double[]> e : normsByLayer.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            ax.plot(x, y).label(e.getKey());
        }
        ax.yscale(Scale.LOG).xlabel("step").ylabel("$\\|\\partial L / \\partial W\\|$".replace("\\|", "|"))
                .title("Gradient norm per layer").grid(0.3).legend();
    }
}
