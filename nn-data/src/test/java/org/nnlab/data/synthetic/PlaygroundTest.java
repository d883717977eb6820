package org.nnlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.data.Dataset;

class PlaygroundTest {
    private static int ones(Dataset d) {
        int n = 0;
        for (double v : d.targets().data()) {
            n += (int) v;
        }
        return n;
    }

    @Test
    void noiselessCircleHasClassOneInsideRadius2point5AndZeroOutside3point5() {
        Dataset d = Playground.circle(500, 0, 1);
        assertEquals(500, d.size());
        assertEquals(250, ones(d));
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.features().get(i, 0), d.features().get(i, 1));
            assertTrue(d.targets().get(i) == 1 ? r < 2.5 : r >= 3.5 && r <= 5, "point " + i + " at radius " + r);
        }
    }

    @Test
    void noisyCircleFlipsSomeLabelsButKeepsThePoints() {
        Dataset clean = Playground.circle(500, 0, 1);
        Dataset noisy = Playground.circle(500, 0.5, 1);
        assertEquals(clean.features(), noisy.features());
        assertNotEquals(clean.targets(), noisy.targets());
    }

    @Test
    void noiselessSpiralsLieOnTheirArms() {
        Dataset d = Playground.spirals(200, 0, 3);
        for (int k = 0; k < 200; k++) {
            int i = k % 100;
            double r = i / 100.0 * 5;
            double t = 1.75 * i / 100.0 * 2 * Math.PI + (k < 100 ? 0 : Math.PI);
            assertEquals(r * Math.sin(t), d.features().get(k, 0), 1e-12);
            assertEquals(r * Math.cos(t), d.features().get(k, 1), 1e-12);
            assertEquals(k < 100 ? 1.0 : 0.0, d.targets().get(k));
        }
    }

    @Test
    void gaussiansCentreOnPlusAndMinusTwo() {
        Dataset d = Playground.gaussians(2000, 0, 4);
        double sumOne = 0;
        double sumZero = 0;
        for (int i = 0; i < 2000; i++) {
            double v = d.features().get(i, 0) + d.features().get(i, 1);
            if (d.targets().get(i) == 1) {
                sumOne += v;
            } else {
                sumZero += v;
            }
        }
        assertEquals(4, sumOne / 1000, 0.15);
        assertEquals(-4, sumZero / 1000, 0.15);
        assertEquals(1000, ones(d));
    }

    @Test
    void playgroundXorLabelsByQuadrantWithoutNoise() {
        Dataset d = Playground.xor(300, 0, 8);
        for (int i = 0; i < 300; i++) {
            double x = d.features().get(i, 0);
            double y = d.features().get(i, 1);
            assertTrue(Math.abs(x) >= 0.3 && Math.abs(y) >= 0.3);
            assertEquals(x * y >= 0 ? 1.0 : 0.0, d.targets().get(i));
        }
    }

    @Test
    void sameSeedSameSet() {
        assertEquals(Playground.spirals(100, 0.3, 11).features(), Playground.spirals(100, 0.3, 11).features());
        assertNotEquals(Playground.gaussians(100, 0.3, 11).features(), Playground.gaussians(100, 0.3, 12).features());
    }

    @Test
    void rejectsNegativeNoise() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Playground.circle(10, -0.1, 1));
        assertEquals("noise (-0.1) must be finite and >= 0", e.getMessage());
    }
}
