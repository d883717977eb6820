package org.nnlab.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static final int DRAWS = 100_000;
    private static final int FAN_IN = 784;
    private static final int FAN_OUT = 100;
    /** Keras's correction: the standard deviation of N(0, 1) truncated to [−2, 2]. */
    private static final double TRUNCATED_STDDEV = 0.87962566103423978;

    @Test
    void glorotUniformStaysWithinItsLimitWithItsVariance() {
        double limit = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
        double[] w = draw(Initializer.GLOROT_UNIFORM, 1);
        assertTrue(maxAbs(w) <= limit, "max |w| " + maxAbs(w) + " beyond " + limit);
        assertTrue(maxAbs(w) > 0.99 * limit, "draws should reach close to the limit");
        // Var U(−l, l) = l²/3 = 2 / (fanIn + fanOut).
        assertMoments(w, 2.0 / (FAN_IN + FAN_OUT));
    }

    @Test
    void heUniformStaysWithinItsLimitWithItsVariance() {
        double limit = Math.sqrt(6.0 / FAN_IN);
        double[] w = draw(Initializer.HE_UNIFORM, 2);
        assertTrue(maxAbs(w) <= limit, "max |w| " + maxAbs(w) + " beyond " + limit);
        assertMoments(w, 2.0 / FAN_IN);
    }

    @Test
    void glorotNormalIsTruncatedAtTwoScaledDeviationsWithTheIntendedVariance() {
        double sigma = Math.sqrt(2.0 / (FAN_IN + FAN_OUT)) / TRUNCATED_STDDEV;
        double[] w = draw(Initializer.GLOROT_NORMAL, 3);
        assertTrue(maxAbs(w) <= 2 * sigma, "max |w| " + maxAbs(w) + " beyond 2σ = " + 2 * sigma);
        assertTrue(maxAbs(w) > 1.95 * sigma, "the tails up to 2σ should be drawn");
        assertMoments(w, 2.0 / (FAN_IN + FAN_OUT));
    }

    @Test
    void heNormalIsTruncatedAtTwoScaledDeviationsWithTheIntendedVariance() {
        double sigma = Math.sqrt(2.0 / FAN_IN) / TRUNCATED_STDDEV;
        double[] w = draw(Initializer.HE_NORMAL, 4);
        assertTrue(maxAbs(w) <= 2 * sigma, "max |w| " + maxAbs(w) + " beyond 2σ = " + 2 * sigma);
        assertMoments(w, 2.0 / FAN_IN);
    }

    @Test
    void sameSeedGivesIdenticalValues() {
        for (Initializer init : new Initializer[] {Initializer.GLOROT_UNIFORM, Initializer.GLOROT_NORMAL,
                Initializer.HE_UNIFORM, Initializer.HE_NORMAL}) {
            assertArrayEquals(draw(init, 42), draw(init, 42), 0.0, init.kerasName());
            assertFalse(Arrays.equals(draw(init, 42), draw(init, 43)), init.kerasName());
        }
    }

    @Test
    void constantsFillEveryValue() {
        double[] w = new double[5];
        new Initializer.Constant(0.5).fill(w, 3, 4, new SplittableRandom(0));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, w, 0.0);
        Initializer.ONES.fill(w, 3, 4, new SplittableRandom(0));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, w, 0.0);
        Initializer.ZEROS.fill(w, 3, 4, new SplittableRandom(0));
        assertArrayEquals(new double[5], w, 0.0);
    }

    @Test
    void constantRejectsNaN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Initializer.Constant(Double.NaN));
        assertEquals("Constant initializer value (NaN) must be finite", e.getMessage());
    }

    @Test
    void constantRejectsInfinity() {
        assertThrows(IllegalArgumentException.class, () -> new Initializer.Constant(Double.NEGATIVE_INFINITY));
    }

    @Test
    void randomInitializersRejectAZeroFan() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializer.HE_UNIFORM.fill(new double[3], 0, 3, new SplittableRandom(0)));
        assertTrue(e.getMessage().startsWith("he_uniform needs fanIn and fanOut > 0 but got fanIn 0, fanOut 3."),
                e.getMessage());
    }

    @Test
    void namesAreKeras() {
        assertEquals("glorot_uniform", Initializer.GLOROT_UNIFORM.kerasName());
        assertEquals("glorot_normal", Initializer.GLOROT_NORMAL.kerasName());
        assertEquals("he_uniform", Initializer.HE_UNIFORM.kerasName());
        assertEquals("he_normal", Initializer.HE_NORMAL.kerasName());
        assertEquals("zeros", Initializer.ZEROS.kerasName());
        assertEquals("ones", Initializer.ONES.kerasName());
        assertEquals("constant(0.5)", new Initializer.Constant(0.5).kerasName());
    }

    private static double[] draw(Initializer init, long seed) {
        double[] w = new double[DRAWS];
        init.fill(w, FAN_IN, FAN_OUT, new SplittableRandom(seed));
        return w;
    }

    /** Mean near 0 and variance within 2% of {@code variance}; sampling error at 100k draws is about 0.5%. */
    private static void assertMoments(double[] w, double variance) {
        double sum = 0;
        double sumSq = 0;
        for (double v : w) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / w.length;
        double observed = sumSq / w.length - mean * mean;
        assertEquals(0.0, mean, 0.02 * Math.sqrt(variance), "mean");
        assertEquals(variance, observed, 0.02 * variance, "variance");
    }

    private static double maxAbs(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
