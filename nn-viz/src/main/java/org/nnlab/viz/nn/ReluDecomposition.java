package org.nnlab.viz.nn;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.viz.plot.Axes;

/**
 * A 1-input regression network decomposed: each hidden neuron's contribution v_j·f(w_j·x + b_j)
 * as a thin line, their sum plus the output bias as a thick black line, and the target as points.
 * With ReLU hidden units this shows the fit as a sum of hinges.
 */
public final class ReluDecomposition {
    private ReluDecomposition() {
    }

    /**
     * Draws the decomposition over the sorted inputs {@code x}.
     *
     * @param hidden a built Dense layer taking 1 input (usually ReLU)
     * @param output a built Dense layer with 1 linear unit taking the hidden units
     */
    public static void draw(Axes ax, Dense hidden, Dense output, double[] x, double[] target) {
        if (hidden.kernel().value().dim(0) != 1 || output.units() != 1 || output.kernel().value().dim(0) != hidden.units()) {
            throw new IllegalArgumentException("ReluDecomposition needs a 1-input hidden layer and a 1-unit output over it;"
                    + " got hidden kernel " + java.util.Arrays.toString(hidden.kernel().value().shape()) + " and output kernel "
                    + java.util.Arrays.toString(output.kernel().value().shape()) + ". Hint: a 1-H-1 regression network.");
        }
        if (output.activation() != Activation.LINEAR) {
            throw new IllegalArgumentException("ReluDecomposition: the output activation is " + output.activation()
                    + "; expected LINEAR, since only then is the output a sum of the contributions");
        }
        double[] w = hidden.kernel().value().to(Precision.FLOAT64).data();
        double[] b = hidden.useBias() ? hidden.bias().value().to(Precision.FLOAT64).data() : new double[hidden.units()];
        double[] v = output.kernel().value().to(Precision.FLOAT64).data();
        double c = output.useBias() ? output.bias().value().to(Precision.FLOAT64).data()[0] : 0;
        double[] xs = x.clone();
        java.util.Arrays.sort(xs);
        double[] sum = new double[xs.length];
        java.util.Arrays.fill(sum, c);
        for (int j = 0; j < hidden.units(); j++) {
            double[] part = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                part[i] = v[j] * hidden.activation().apply(w[j] * xs[i] + b[j]);
                sum[i] += part[i];
            }
            ax.plot(xs, part).lineWidth(1).alpha(0.7).label(j < 6 ? "$v_{" + (j + 1) + "} h_{" + (j + 1) + "}(x)$" : null);
        }
        ax.plot(x, target, "k.").markerSize(5).label("target");
        ax.plot(xs, sum, "k-").lineWidth(2.5).label("sum + $c$");
        ax.xlabel("$x$").ylabel("$y$").title("Output as a sum of neuron contributions").grid(0.3).legend();
    }
}
