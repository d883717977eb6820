package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How close a float32 kernel must come to the float64 reference: the classic bound for a sum of
 * products, |fl(Σ aᵢbᵢ) − Σ aᵢbᵢ| ≤ γₖ Σ|aᵢbᵢ| with γₖ ≈ k·u and u = 2⁻²⁴, for each output.
 *
 * <p>The reference runs in double on the float inputs (widened exactly), so the only difference
 * left is the float kernel's rounding; an index or a term gone wrong is off by far more than the
 * bound. {@link #ofSum} takes the reference of |a|·|b|, computed by the same reference loop.
 */
final class Rounding {
    /** The unit roundoff of float32, 2⁻²⁴. */
    static final double U = 0x1p-24;

    private Rounding() {
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    static double[] abs(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
        }
        return a;
    }

    /**
     * Checks every output of a float kernel against the double reference within the rounding of a
     * sum of {@code terms} products (plus the start value's), scaled by {@code magnitude}, the
     * reference of |a|·|b| (plus |start|).
     */
    static void ofSum(String what, double[] reference, double[] magnitude, float[] actual, int terms) {
        assertEquals(reference.length, actual.length, what + ": length");
        double gamma = (terms + 2) * U * 1.01;
        for (int i = 0; i < reference.length; i++) {
            double diff = Math.abs(actual[i] - reference[i]);
            double bound = gamma * magnitude[i] + Float.MIN_NORMAL;
            int index = i;
            assertTrue(diff <= bound, () -> what + ": index " + index + " is " + actual[index] + " but the float64"
                    + " reference is " + reference[index] + ", off by " + diff + " > " + bound);
        }
    }
}
