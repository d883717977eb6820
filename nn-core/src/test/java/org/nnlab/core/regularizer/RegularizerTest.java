package org.nnlab.core.regularizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.check.GradientCheck;

/**
 * Keras 3's {@code regularizers.py}, term by term, against the values its own tests and docstrings
 * publish ({@code regularizers_test.py}; the {@code Regularizer} docstring's 50.0 and 0.25).
 */
class RegularizerTest {

    static List<Regularizer> regularizers() {
        return List.of(new L1(0.1), new L2(0.1), new L1L2(0.1, 0.2), new L1L2(0.0, 0.3), new L1L2(0.3, 0.0));
    }

    private static double[] random(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = rng.nextDouble(-2, 2);
        }
        return w;
    }

    private static double[] filled(double value, int n) {
        double[] w = new double[n];
        Arrays.fill(w, value);
        return w;
    }

    @Test
    void l2OfTwoOnAFiveByFiveOnesIsFifty() {
        // The Regularizer docstring: regularizer = L2(2.); regularizer(ops.ones(shape=(5, 5))) → 50.0
        assertEquals(50.0, new L2(2.0).penalty(filled(1.0, 25)), 0.0);
    }

    @Test
    void l1OfADenseKernelOfOnesIsAQuarter() {
        // The docstring's Dense(5, input_dim=5, kernel_initializer='ones', kernel_regularizer=L1(0.01)): 0.25
        assertEquals(0.25, new L1(0.01).penalty(filled(1.0, 25)), 1e-15);
    }

    @Test
    void eachPenaltyIsKerasSum() {
        // regularizers_test.py: test_l1, test_l2, test_l1_l2 on a 4×4 random value
        double[] w = random(3, 16);
        double abs = 0;
        double squares = 0;
        for (double v : w) {
            abs += Math.abs(v);
            squares += v * v;
        }
        assertEquals(0.1 * abs, new L1(0.1).penalty(w), 1e-14);
        assertEquals(0.1 * squares, new L2(0.1).penalty(w), 1e-14);
        assertEquals(0.1 * abs + 0.2 * squares, new L1L2(0.1, 0.2).penalty(w), 1e-14);
    }

    @Test
    void zeroWeightsAndZeroFactorsCostNothing() {
        assertEquals(0.0, new L1(0.1).penalty(new double[16]));
        assertEquals(0.0, new L2(0.1).penalty(new double[16]));
        double[] w = random(4, 16);
        assertEquals(0.0, new L1(0.0).penalty(w));
        assertEquals(0.0, new L2(0.0).penalty(w));
        assertEquals(0.0, new L1L2(0.0, 0.0).penalty(w));
    }

    @Test
    void l1IsBlindToSign() {
        assertEquals(new L1(0.1).penalty(filled(1.0, 16)), new L1(0.1).penalty(filled(-1.0, 16)), 0.0);
    }

    @Test
    void l2OutgrowsL1OnLargeWeightsAndNotOnSmallOnes() {
        assertTrue(new L2(1.0).penalty(filled(10.0, 16)) > new L1(1.0).penalty(filled(10.0, 16)));
        assertTrue(new L2(1.0).penalty(filled(0.1, 16)) < new L1(1.0).penalty(filled(0.1, 16)));
    }

    @Test
    void defaultsAreKeras() {
        assertEquals(0.01, new L1().l1());
        assertEquals(0.01, new L2().l2());
        assertEquals("L2(l2=0.01)", new L2().toString());
        assertEquals("L1L2(l1=0.1, l2=0.2)", new L1L2(0.1, 0.2).toString());
        assertEquals(List.of("l1", "l2", "l1_l2"),
                List.of(new L1().kerasName(), new L2().kerasName(), new L1L2(0, 0).kerasName()));
    }

    @ParameterizedTest
    @MethodSource("regularizers")
    void gradientMatchesCentralDifferences(Regularizer r) {
        double[] w = random(11, 12);
        double[] grad = new double[w.length];
        r.addGradient(w, grad);
        GradientCheck.Entry e = GradientCheck.compare(r.toString(), w, grad, () -> r.penalty(w));
        assertTrue(e.maxRelativeError() < GradientCheck.GOOD, e.toString());
    }

    @ParameterizedTest
    @MethodSource("regularizers")
    void gradientIsAddedToWhatTheGradAlreadyHolds(Regularizer r) {
        double[] w = random(12, 5);
        double[] alone = new double[5];
        r.addGradient(w, alone);
        double[] grad = filled(1.5, 5);
        r.addGradient(w, grad);
        for (int i = 0; i < 5; i++) {
            assertEquals(1.5 + alone[i], grad[i], 1e-15);
        }
    }

    @Test
    void l1GradientAtZeroIsZeroAsTensorFlowsSign() {
        double[] grad = new double[3];
        new L1(0.5).addGradient(new double[] {0.0, 2.0, -3.0}, grad);
        assertArrayEquals(new double[] {0.0, 0.5, -0.5}, grad, 0.0);
    }

    @Test
    void negativeFactorIsRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L2(-0.01));
        assertEquals("L2 l2 (-0.01) must be >= 0. Hint: it is the factor of sum(w²) in the loss; Keras uses 0.01.",
                e.getMessage());
    }

    @Test
    void nanAndInfiniteFactorsAreRefused() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> new L1(Double.NaN));
        assertEquals("L1 l1 (NaN) must be >= 0. Hint: it is the factor of sum(|w|) in the loss; Keras uses 0.01.",
                nan.getMessage());
        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
                () -> new L1L2(0.01, Double.POSITIVE_INFINITY));
        assertTrue(inf.getMessage().startsWith("L1L2 l2 (Infinity) must be >= 0. Hint:"), inf.getMessage());
    }
}
