package org.nnlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;

class LectureDataTest {
    private static double mean(Tensor t) {
        double s = 0;
        for (double v : t.data()) {
            s += v;
        }
        return s / t.size();
    }

    @Test
    void linearlySeparableSetFollowsTheLectureFormula() {
        Dataset d = LectureData.linearlySeparable(42);
        assertEquals(1000, d.size());
        for (int i = 0; i < d.size(); i++) {
            double x1 = d.features().get(i, 0);
            double x2 = d.features().get(i, 1);
            assertTrue(x1 >= 0 && x1 < 8 && x2 >= -4 && x2 < 3, "point " + i);
            assertEquals(0.8 * x1 + x2 - 3 >= 0 ? 1.0 : 0.0, d.targets().get(i));
        }
        double ones = mean(d.targets());
        assertTrue(ones > 0.3 && ones < 0.7, "share of class 1: " + ones);
    }

    @Test
    void nonlinearSetFollowsTheLectureFormula() {
        Dataset d = LectureData.nonlinear(7);
        for (int i = 0; i < d.size(); i++) {
            double x1 = d.features().get(i, 0);
            double x2 = d.features().get(i, 1);
            assertTrue(x1 >= -5 && x1 < 5 && x2 >= -4 && x2 < 4, "point " + i);
            assertEquals(-0.5 * (x1 - 1) * (x1 - 1) + 2 * x2 + 5 >= 0 ? 1.0 : 0.0, d.targets().get(i));
        }
        double ones = mean(d.targets());
        assertTrue(ones > 0.2 && ones < 0.8, "share of class 1: " + ones);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        assertEquals(LectureData.nonlinear(300, 1).features(), LectureData.nonlinear(300, 1).features());
        assertNotEquals(LectureData.nonlinear(300, 1).features(), LectureData.nonlinear(300, 2).features());
        assertEquals(LectureData.cubic(50, 0.1, 3).targets(), LectureData.cubic(50, 0.1, 3).targets());
    }

    @Test
    void xorIsTheTruthTable() {
        Dataset d = LectureData.xor();
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, d.features().data());
        assertArrayEquals(new double[] {0, 1, 1, 0}, d.targets().data());
    }

    @Test
    void noisyXorLabelsEachPointByItsNearestCornerWhenNoiseIsSmall() {
        Dataset d = LectureData.noisyXor(400, 0.1, 5);
        for (int i = 0; i < d.size(); i++) {
            long a = Math.round(d.features().get(i, 0));
            long b = Math.round(d.features().get(i, 1));
            assertEquals((double) (a ^ b), d.targets().get(i), "point " + i);
        }
        double ones = mean(d.targets());
        assertTrue(ones > 0.4 && ones < 0.6, "share of class 1: " + ones);
    }

    @Test
    void cubicWithoutNoiseIsTheExactPolynomialOnItsInterval() {
        Dataset d = LectureData.cubic(200, 0, 9);
        assertArrayEquals(new int[] {200, 1}, d.features().shape());
        for (int i = 0; i < d.size(); i++) {
            double x = d.features().get(i);
            assertTrue(x >= -1.5 && x < 1.5);
            assertEquals(x * x * x + 0.1 * x * x - x + 0.1, d.targets().get(i), 1e-15);
        }
    }

    @Test
    void overfittingSetHasTheLecturesTenPoints() {
        Dataset d = LectureData.overfittingTen();
        assertArrayEquals(new double[] {-4.5, -3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5, 4.5}, d.features().data());
        assertArrayEquals(new double[] {0.9819, 0.7973, 1.9737, 0.1838, 1.3180, -0.8361, -0.6591, -2.4701, -2.8122,
            -6.2512}, d.targets().data());
    }
}
