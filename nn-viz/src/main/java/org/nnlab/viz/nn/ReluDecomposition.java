package org.nnlab.viz.nn;

import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.viz.plot.Axes;

/**
 * A 1-input regression network decomposed: each hidden neuron's contribution v_j·f(w_j·x + b_j)
 * as a thin line, the target as a thick blue line and the network's output, their sum (plus the
 * output bias c if the layer has one, and so labelled), as a thick red dashed line on top. With
 * ReLU hidden units this shows the fit as a sum of hinges.
 *
 * <p>Up to {@value #LABELLED_UNITS} units are named in the legend one by one; beyond that the
 * legend has one entry for all of them, so that it stays small and off the curves ("best").
 */
public final class ReluDecomposition {
    /** Up to this many hidden units get a legend entry each. */
    public static final int LABELLED_UNITS = 4;

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
            String label = hidden.units() <= LABELLED_UNITS ? "$v_{" + (j + 1) + "} h(w_{" + (j + 1) + "} x + b_{"
                    + (j + 1) + "})$" : j == 0 ? "each unit $v_j h(w_j x + b_j)$" : null;
            ax.plot(xs, part).lineWidth(1).alpha(0.7).label(label);
        }
        double[] order = x.clone();
        double[] sortedTarget = target.clone();
        sortByX(order, sortedTarget);
        ax.plot(order, sortedTarget, "b-").lineWidth(3).alpha(0.5).label("target");
        ax.plot(xs, sum, "r--").lineWidth(3).label(output.useBias() ? "output: sum + $c$" : "output: sum");
        ax.xlabel("$x$").ylabel("$y$").title("Output as a sum of neuron contributions").grid(0.3).legend();
    }

    /** Sorts x ascending and permutes y alike, so the target draws as one line. */
    private static void sortByX(double[] x, double[] y) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[] x0 = x.clone();
        double[] y0 = y.clone();
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(x0[a], x0[b]));
        for (int i = 0; i < idx.length; i++) {
            x[i] = x0[idx[i]];
            y[i] = y0[idx[i]];
        }
    }
}
