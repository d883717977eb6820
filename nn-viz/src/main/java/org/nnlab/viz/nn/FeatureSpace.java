package org.nnlab.viz.nn;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Limits;

/**
 * The hidden layer's feature space: each input mapped to its two hidden activations (z1, z2),
 * coloured by class, with the output neuron's decision line v1·z1 + v2·z2 + c = 0 drawn across
 * it, with equal units on both axes (as the lecture's {@code axis('equal')}) and the legend where
 * it covers the least data. This is the lecture's picture of the classes becoming linearly
 * separable after the hidden layer.
 */
public final class FeatureSpace {
    private FeatureSpace() {
    }

    /**
     * Draws the hidden features of {@code x} and the output line.
     *
     * @param hidden a built Dense layer with 2 units (its activation is applied)
     * @param output a built Dense layer with 1 unit; its line is where its pre-activation is 0
     * @param x inputs, shape (n, hidden's input width)
     * @return the hidden features, shape (n, 2)
     */
    public static Tensor draw(Axes ax, Dense hidden, Dense output, Tensor x, int[] labels) {
        if (hidden.units() != 2 || output.units() != 1) {
            throw new IllegalArgumentException("FeatureSpace needs a hidden layer of 2 units and an output of 1 unit but got "
                    + hidden.units() + " and " + output.units() + ". Hint: this figure is for 2-2-1 networks such as XOR's.");
        }
        Tensor z = Hyperplanes.activations(hidden, x);
        drawFeatures(ax, z, hidden, output, labels, false);
        return z;
    }

    /**
     * Draws hidden features {@code z} (n, 2) by class, with the line of {@code output} (1 unit) across
     * them when it is not null. With {@code fixedRange} a sigmoid or tanh layer's features get that
     * activation's range, so that the frames of a movie share their axes.
     */
    static void drawFeatures(Axes ax, Tensor z, Dense hidden, Dense output, int[] labels, boolean fixedRange) {
        double[] zd = z.to(Precision.FLOAT64).data();
        double[] z1 = new double[z.rows()];
        double[] z2 = new double[z.rows()];
        for (int r = 0; r < z1.length; r++) {
            z1[r] = zd[2 * r];
            z2[r] = zd[2 * r + 1];
        }
        DataPoints.draw(ax, z1, z2, labels);
        Limits zr1 = DecisionRegions.range(zd, 0);
        Limits zr2 = DecisionRegions.range(zd, 1);
        double pad1 = 0.15 * zr1.span();
        double pad2 = 0.15 * zr2.span();
        if (fixedRange && hidden.activation() == Activation.SIGMOID) {
            ax.xlim(-0.1, 1.1).ylim(-0.1, 1.1);
        } else if (fixedRange && hidden.activation() == Activation.TANH) {
            ax.xlim(-1.1, 1.1).ylim(-1.1, 1.1);
        } else {
            ax.xlim(zr1.lo() - pad1, zr1.hi() + pad1).ylim(zr2.lo() - pad2, zr2.hi() + pad2);
        }
        if (output != null) {
            double[] w = output.kernel().value().to(Precision.FLOAT64).data();
            double c = output.useBias() ? output.bias().value().to(Precision.FLOAT64).data()[0] : 0;
            Hyperplanes.line(ax, w[0], w[1], c, ax.xlim(), ax.ylim()).color("k").label("$v_1 z_1 + v_2 z_2 + c = 0$");
            ax.legend();
        }
        ax.xlabel("$z_1$").ylabel("$z_2$").title("Hidden feature space").axisEqual();
    }
}
