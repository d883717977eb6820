package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(1);
    }

    @Test
    void sameInputsGiveBitIdenticalResultsWithOneOrTwoThreads() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = random(64 * 200, 0.5, rng);
        double[] w = random(200 * 50, 0, rng);
        double[][] results = new double[2][];
        for (int t = 1; t <= 2; t++) {
            Parallel.setThreads(t);
            NonZeros nz = new NonZeros();
            nz.build(x, 64, 200);
            double[] y = new double[64 * 50];
            MatMul.ab(nz, w, y, 50, false);
            double[] g = new double[200 * 50];
            MatMul.atb(nz, y, g, 50, true);
            double[] dense = new double[64 * 50];
            MatMul.ab(x, w, dense, 64, 200, 50, false);
            results[t - 1] = concat(y, g, dense);
        }
        assertArrayEquals(results[0], results[1], 0.0, "results with 1 and 2 threads");
    }

    @Test
    void rejectsAThreadCountBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("thread count (0) must be between 1 and 64. Hint: use "
                + Runtime.getRuntime().availableProcessors() + " (this machine's processors) or fewer.", e.getMessage());
    }

    @Test
    void aTaskFailureOnTheHelperThreadReachesTheCaller() {
        Parallel.setThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 1,
                (from, to) -> {
                    if (from > 0) {
                        throw new IllegalStateException("second half failed from " + from);
                    }
                }));
        assertEquals("second half failed from 50", e.getMessage());
    }

    @Test
    void everyIndexIsVisitedExactlyOnceWithThreeThreads() {
        Parallel.setThreads(3);
        int[] visits = new int[101];
        Parallel.forRange(visits.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                visits[i]++;
            }
        });
        int[] once = new int[101];
        java.util.Arrays.fill(once, 1);
        assertArrayEquals(once, visits, "visits per index");
    }

    private static double[] random(int size, double zeros, SplittableRandom rng) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rng.nextDouble() < zeros ? 0.0 : rng.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] concat(double[]... parts) {
        int size = 0;
        for (double[] p : parts) {
            size += p.length;
        }
        double[] all = new double[size];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, o, p.length);
            o += p.length;
        }
        return all;
    }
}
