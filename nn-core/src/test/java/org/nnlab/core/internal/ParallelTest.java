package org.nnlab.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.AdamW;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;

class ParallelTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(1);
    }

    @Test
    void sameInputsGiveBitIdenticalResultsWithOneOrTwoThreads() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = random(256 * 200, 0.5, rng);
        double[] w = random(200 * 50, 0, rng);
        double[][] results = new double[2][];
        for (int t = 1; t <= 2; t++) {
            Parallel.setThreads(t);
            NonZeros nz = new NonZeros();
            nz.build(x, 256, 200);
            double[] y = new double[256 * 50];
            SparseMatMul.ab(nz, x, w, null, y, 50);
            double[] g = new double[200 * 50];
            SparseMatMul.atb(nz, x, y, g, 50, true);
            double[] dense = new double[256 * 50];
            MatMul.ab(x, w, dense, 256, 200, 50, false);
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
    void aFailureInAnyChunkReachesTheCaller() {
        Parallel.setThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 1,
                (from, to) -> {
                    if (to == 100) {
                        throw new IllegalStateException("last chunk failed from " + from);
                    }
                }));
        assertEquals("last chunk failed from 87", e.getMessage());
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

    @ParameterizedTest
    @CsvSource({"FLOAT32", "FLOAT64"})
    void smallBatchesRunTheOneThreadCodeWithTwoThreads(Precision precision) {
        // The lecture's model at batch 32: nothing is handed to a helper, so a second thread cannot slow it.
        Parallel.setThreads(2);
        SplittableRandom rng = new SplittableRandom(7);
        Tensor x = Tensor.zeros(320, 28, 28);
        Tensor y = Tensor.zeros(320);
        for (int i = 0; i < 320; i++) {
            y.data()[i] = rng.nextInt(10);
            for (int p = 0; p < 784; p++) {
                x.data()[i * 784 + p] = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble();
            }
        }
        Sequential model = new Sequential(new int[] {28, 28}, List.of(new Flatten(), new Dense(100, Activation.RELU),
                new Dense(10, Activation.SOFTMAX)), 3, precision);
        model.compile(new Adam(), new SparseCategoricalCrossentropy());
        long before = Parallel.splitJobs();
        model.fit(x, y, FitOptions.builder().epochs(1).batchSize(32).verbosity(Verbosity.SILENT).build());
        model.predict(x, 32);
        assertEquals(before, Parallel.splitJobs(), "jobs split during a batch-32 fit and predict with 2 threads");

        model.fit(x, y, FitOptions.builder().epochs(1).batchSize(160).verbosity(Verbosity.SILENT).build());
        assertTrue(Parallel.splitJobs() > before, "a batch of 160 is split between the 2 threads");
    }

    @ParameterizedTest
    @CsvSource({"FLOAT32, false", "FLOAT64, false", "FLOAT32, true", "FLOAT64, true"})
    void trainingWithTwoThreadsIsReproducibleAndMatchesOneThread(Precision precision, boolean regularized) {
        List<Tensor> one = trainSparseImages(1, precision, regularized);
        List<Tensor> two = trainSparseImages(2, precision, regularized);
        List<Tensor> twoAgain = trainSparseImages(2, precision, regularized);
        List<Tensor> three = trainSparseImages(3, precision, regularized);
        for (int i = 0; i < one.size(); i++) {
            assertEquals(precision, one.get(i).precision(), "weight " + i + "'s precision");
            assertEquals(two.get(i), twoAgain.get(i), "weight " + i + ", 2 threads, same seed, two runs");
            assertEquals(one.get(i), two.get(i), "weight " + i + ", 1 thread vs 2 threads");
            assertEquals(one.get(i), three.get(i), "weight " + i + ", 1 thread vs 3 threads");
        }
    }

    @Test
    void aSourceIsGatheredConcurrentlyOnlyIfItSaysSo() {
        Parallel.setThreads(2);
        for (boolean concurrent : new boolean[] {false, true}) {
            java.util.Set<Thread> callers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Tensor x = Tensor.zeros(512, 4);
            Tensor y = Tensor.zeros(512);
            for (int i = 0; i < 512; i++) {
                x.set(i, i % 4, 1.0);
                y.set(i, i % 4 == 0 ? 1 : 0);
            }
            org.nnlab.core.train.Examples inner = org.nnlab.core.train.Examples.of(x, y);
            org.nnlab.core.train.Examples recording = new org.nnlab.core.train.Examples() {
                @Override
                public int size() {
                    return inner.size();
                }

                @Override
                public int[] featureShape() {
                    return inner.featureShape();
                }

                @Override
                public int[] targetShape() {
                    return inner.targetShape();
                }

                @Override
                public boolean concurrentGathers() {
                    return concurrent;
                }

                @Override
                public void gatherFeatures(int[] indices, int from, int to, double[] into) {
                    inner.gatherFeatures(indices, from, to, into);
                }

                @Override
                public void gatherFeatures(int[] indices, int from, int to, float[] into) {
                    callers.add(Thread.currentThread());
                    sleepBriefly();
                    inner.gatherFeatures(indices, from, to, into);
                }

                @Override
                public void gatherTargets(int[] indices, int from, int to, double[] into) {
                    inner.gatherTargets(indices, from, to, into);
                }
            };
            Sequential model = new Sequential(new int[] {4}, List.of(new Dense(2, Activation.SOFTMAX)), 1);
            model.compile(new Adam(), new SparseCategoricalCrossentropy());
            model.fit(recording, FitOptions.builder().epochs(2).batchSize(256).verbosity(Verbosity.SILENT).build());
            if (concurrent) {
                assertTrue(callers.size() >= 2 && callers.contains(Thread.currentThread()),
                        "a source that allows it is gathered by the caller and a helper: " + callers);
            } else {
                assertEquals(java.util.Set.of(Thread.currentThread()), callers, "only the caller gathers");
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void floatKernelsGiveBitIdenticalResultsWithOneOrTwoThreads() {
        SplittableRandom rng = new SplittableRandom(12);
        float[] x = Rounding.toFloat(random(256 * 200, 0.5, rng));
        float[] w = Rounding.toFloat(random(200 * 50, 0, rng));
        float[][] results = new float[2][];
        for (int t = 1; t <= 2; t++) {
            Parallel.setThreads(t);
            NonZeros nz = new NonZeros();
            nz.build(x, 256, 200);
            float[] y = new float[256 * 50];
            SparseMatMul.ab(nz, x, w, null, y, 50);
            float[] g = new float[200 * 50];
            SparseMatMul.atb(nz, x, y, g, 50, true);
            float[] dense = new float[256 * 50];
            MatMul.ab(x, w, dense, 256, 200, 50, false);
            float[] dx = new float[256 * 200];
            MatMul.abt(dense, w, dx, 256, 50, 200, false);
            results[t - 1] = concat(y, g, dense, dx);
        }
        assertArrayEquals(results[0], results[1], 0f, "float32 results with 1 and 2 threads");
    }

    private static float[] concat(float[]... parts) {
        int size = 0;
        for (float[] p : parts) {
            size += p.length;
        }
        float[] all = new float[size];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, o, p.length);
            o += p.length;
        }
        return all;
    }

    /**
     * Trains Flatten → Dense(40, relu) → Dense(3, softmax) with Adam on 300 half-zero 8×8 images,
     * seed 5, in batches of 150: large enough for the products to split between threads. Regularized:
     * L2 on the hidden kernel, L1 on the output kernel, AdamW with global clipping and a schedule.
     */
    private static List<Tensor> trainSparseImages(int threads, Precision precision, boolean regularized) {
        Parallel.setThreads(threads);
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.zeros(300, 8, 8);
        Tensor y = Tensor.zeros(300);
        for (int i = 0; i < 300; i++) {
            y.data()[i] = rng.nextInt(3);
            for (int p = 0; p < 64; p++) {
                x.data()[i * 64 + p] = rng.nextDouble() < 0.5 ? 0 : rng.nextDouble() + y.data()[i] * (p % 3);
            }
        }
        Sequential model;
        if (regularized) {
            model = new Sequential(new int[] {8, 8}, List.of(new Flatten(), Dense.Config.of(40, Activation.RELU)
                    .kernelRegularizer(new L2(0.01)).create(), Dense.Config.of(3, Activation.SOFTMAX)
                    .kernelRegularizer(new L1(0.001)).create()), 5, precision);
            model.compile(AdamW.Config.DEFAULTS.learningRate(new ExponentialDecay(0.01, 2, 0.9))
                    .excludeFromWeightDecay("bias").globalClipnorm(1.0).create(), new SparseCategoricalCrossentropy());
        } else {
            model = new Sequential(new int[] {8, 8}, List.of(new Flatten(), new Dense(40, Activation.RELU),
                    new Dense(3, Activation.SOFTMAX)), 5, precision);
            model.compile(new Adam(), new SparseCategoricalCrossentropy());
        }
        model.fit(x, y, FitOptions.builder().epochs(3).batchSize(150).verbosity(Verbosity.SILENT).build());
        return model.getWeights();
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
