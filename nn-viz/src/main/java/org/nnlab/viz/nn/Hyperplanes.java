package org.nnlab.viz.nn;

import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Limits;
import org.nnlab.viz.plot.Line;

/**
 * The first layer's neurons drawn as lines in input space: neuron j is the line
 * w1j·x1 + w2j·x2 + bj = 0 where its pre-activation changes sign, over the data points.
 */
public final class Hyperplanes {
    private Hyperplanes() {
    }

    /**
     * Draws the data and one line per neuron of {@code first} (which must take 2 inputs).
     */
    public static void draw(Axes ax, Dense first, Tensor x, int[] labels) {
        DecisionRegions.requireTwoColumns(x, "x");
        Tensor w = first.kernel().value();
        if (w.dim(0) != 2) {
            throw new IllegalArgumentException("Hyperplanes: the layer takes " + w.dim(0) + " inputs; expected 2."
                    + " Hint: pass the first Dense layer of a network on 2-D data.");
        }
        double[] d = x.to(Precision.FLOAT64).data();
        double[] px = new double[x.rows()];
        double[] py = new double[x.rows()];
        for (int r = 0; r < px.length; r++) {
            px[r] = d[2 * r];
            py[r] = d[2 * r + 1];
        }
        DataPoints.draw(ax, px, py, labels);
        Limits xr = DecisionRegions.range(d, 0);
        Limits yr = DecisionRegions.range(d, 1);
        ax.xlim(xr.lo() - 0.5, xr.hi() + 0.5).ylim(yr.lo() - 0.5, yr.hi() + 0.5);
        double[] wd = w.to(Precision.FLOAT64).data();
        int units = first.units();
        for (int j = 0; j < units; j++) {
            double b = first.useBias() ? first.bias().value().to(Precision.FLOAT64).data()[j] : 0;
            // kernel is (in, units): w1j = W[0][j], w2j = W[1][j]
            line(ax, wd[j], wd[units + j], b, ax.xlim(), ax.ylim()).color(org.nnlab.viz.plot.Color.cycle(j + 2))
                    .label("$h_{" + (j + 1) + "}$");
        }
        ax.xlabel("$x_1$").ylabel("$x_2$").title("First-layer hyperplanes").legend();
    }

    /** The line a·u + b·v + c = 0 across the box xr × yr (vertical when b is 0). */
    static Line line(Axes ax, double a, double b, double c, Limits xr, Limits yr) {
        if (Math.abs(b) > 1e-12 * (Math.abs(a) + 1)) {
            double[] u = {xr.lo(), xr.hi()};
            return ax.plot(u, new double[] {-(a * u[0] + c) / b, -(a * u[1] + c) / b}, "--");
        }
        double u0 = a == 0 ? Double.NaN : -c / a;
        return ax.plot(new double[] {u0, u0}, new double[] {yr.lo(), yr.hi()}, "--");
    }

    /** f(x·W + b) of a built Dense layer, computed here so the figure needs no forward pass state. */
    static Tensor activations(Dense layer, Tensor x) {
        // x:(n,in) W:(in,units) → z:(n,units);  z = f(x·W + b)
        double[] w = layer.kernel().value().to(Precision.FLOAT64).data();
        int in = layer.kernel().value().dim(0);
        int units = layer.units();
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("The layer takes " + in + " inputs but x has shape "
                    + java.util.Arrays.toString(x.shape()) + "; expected (n, " + in + ")");
        }
        double[] b = layer.useBias() ? layer.bias().value().to(Precision.FLOAT64).data() : new double[units];
        double[] xd = x.to(Precision.FLOAT64).data();
        int n = x.rows();
        double[] z = new double[n * units];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < units; j++) {
                double s = b[j];
                for (int i = 0; i < in; i++) {
                    s += xd[r * in + i] * w[i * units + j];
                }
                z[r * units + j] = layer.activation().apply(s);
            }
        }
        return Tensor.wrap(z, n, units);
    }
}
