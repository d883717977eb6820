package org.nnlab.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

class DropoutTest {

    private static Dropout built(double rate, long seed, int... inputShape) {
        Dropout d = new Dropout("dropout", rate);
        d.build(inputShape, Precision.FLOAT64, new SplittableRandom(seed));
        return d;
    }

    private static Tensor random(long seed, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(0.5, 2); // never 0, so a 0 in the output means dropped
        }
        return t;
    }

    private static int zeros(Tensor t) {
        int n = 0;
        for (double v : t.data()) {
            n += v == 0 ? 1 : 0;
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.0, -0.1, Double.NaN})
    void rejectsRateOutsideZeroToOne(double rate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout("drop", rate));
        assertTrue(e.getMessage().startsWith("Dropout rate (" + rate + ") must be in [0, 1). Hint:"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint:"), e.getMessage());
    }

    @Test
    void inferenceIsTheIdentity() {
        Dropout d = built(0.5, 1, 4);
        Tensor x = random(2, 3, 4);
        double[] before = x.data().clone();
        assertSame(x, d.forward(x, false));
        assertArrayEquals(before, x.data(), 0);
        Tensor dy = random(3, 3, 4);
        assertSame(dy, d.backward(dy));
    }

    @Test
    void rateZeroIsTheIdentityInTraining() {
        Dropout d = built(0.0, 1, 4);
        Tensor x = random(2, 3, 4);
        assertSame(x, d.forward(x, true));
    }

    @Test
    void dropsAboutRateOfTheValues() {
        Dropout d = built(0.3, 7, 1000);
        Tensor y = d.forward(Tensor.filled(1.0, 100, 1000), true);
        // 100,000 draws: the standard deviation of the fraction is about 0.0015.
        assertEquals(0.3, zeros(y) / 100_000.0, 0.01);
    }

    @Test
    void keepsTheExpectedValueOfTheInput() {
        Dropout d = built(0.3, 8, 1000);
        Tensor y = d.forward(Tensor.filled(2.0, 100, 1000), true);
        double sum = 0;
        for (double v : y.data()) {
            sum += v;
        }
        assertEquals(2.0, sum / y.size(), 0.03);
    }

    @Test
    void scalesKeptValuesByOneOverKeepProbability() {
        Dropout d = built(0.25, 9, 50);
        Tensor x = random(10, 4, 50);
        Tensor y = d.forward(x, true);
        for (int i = 0; i < y.size(); i++) {
            double v = y.data()[i];
            assertTrue(v == 0 || Math.abs(v - x.data()[i] / 0.75) < 1e-15, "value " + i + " is " + v);
        }
    }

    @Test
    void backwardUsesTheForwardMask() {
        Dropout d = built(0.4, 11, 30);
        Tensor x = random(12, 5, 30);
        double[] y = d.forward(x, true).data().clone();
        Tensor dy = random(13, 5, 30);
        double[] dx = d.backward(dy).data();
        assertTrue(Arrays.stream(y).anyMatch(v -> v == 0), "the mask should drop something");
        for (int i = 0; i < dx.length; i++) {
            double expected = y[i] == 0 ? 0 : dy.data()[i] / 0.6;
            assertEquals(expected, dx[i], 1e-15, "dx at " + i);
        }
    }

    @Test
    void sameSeedGivesSameMasksAndEachPassDrawsANewOne() {
        Tensor x = random(14, 8, 20);
        Dropout a = built(0.5, 42, 20);
        Dropout b = built(0.5, 42, 20);
        Dropout c = built(0.5, 43, 20);
        double[] first = a.forward(x, true).data().clone();
        assertArrayEquals(first, b.forward(x, true).data(), 0);
        assertFalse(Arrays.equals(first, c.forward(x, true).data()), "another seed should give another mask");
        assertFalse(Arrays.equals(first, a.forward(x, true).data()), "each pass should draw a fresh mask");
    }

    @Test
    void backwardMatchesNumericalGradientWithAFixedMaskSource() {
        Dropout d = new Dropout("dropout", 0.4, () -> new SplittableRandom(7));
        d.build(new int[] {3, 5}, Precision.FLOAT64, new SplittableRandom(1));
        Tensor x = random(15, 4, 3, 5);
        assertTrue(zeros(d.forward(x, true)) > 0, "the mask should drop something");
        GradientCheck.Report report = GradientCheck.layer(d, x, true, 16);
        assertTrue(report.passes(GradientCheck.GOOD), report::toString);
    }

    @Test
    void backwardBeforeForwardIsRefused() {
        Dropout d = built(0.5, 1, 4);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.backward(Tensor.zeros(1, 4)));
        assertTrue(e.getMessage().contains("Cannot call backward on Dropout layer 'dropout' before forward"),
                e.getMessage());
    }

    @Test
    void forwardBeforeBuildIsRefused() {
        Dropout d = new Dropout(0.5);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.forward(Tensor.zeros(1, 4), true));
        assertTrue(e.getMessage().contains("before it is built"), e.getMessage());
    }
}
