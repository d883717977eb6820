package org.nnlab.data.synthetic;

import java.util.SplittableRandom;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;

/**
 * The lecture's small datasets, with its exact formulas.
 *
 * <p>Features are {@code [m, 2]} (or {@code [m, 1]} for the regression sets), targets {@code [m, 1]}:
 * class 0 or 1, or the regression value. {@code U} below is a uniform draw from [0, 1).
 *
 * <p>Determinism: each generator draws from one {@link SplittableRandom}{@code (seed)}, point by
 * point in order, {@code x1} before {@code x2}. The same seed gives the same data on every JVM and
 * platform ({@code SplittableRandom}'s algorithm is specified); different seeds give independent
 * sets.
 */
public final class LectureData {
    /** The lecture's number of points for the classification sets. */
    public static final int DEFAULT_POINTS = 1000;
    /** The targets of the ten-point overfitting example, in the order of x = −4.5, −3.5, …, 4.5. */
    private static final double[] TEN_Y = {0.9819, 0.7973, 1.9737, 0.1838, 1.3180, -0.8361, -0.6591, -2.4701,
        -2.8122, -6.2512};

    private LectureData() {
    }

    /** {@link #linearlySeparable(int, long)} with the lecture's {@value #DEFAULT_POINTS} points. */
    public static Dataset linearlySeparable(long seed) {
        return linearlySeparable(DEFAULT_POINTS, seed);
    }

    /**
     * The linearly separable set: {@code x1 = 8·U}, {@code x2 = 7·U − 4}, class 1 where
     * {@code 0.8·x1 + x2 − 3 ≥ 0}, else 0.
     */
    public static Dataset linearlySeparable(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double x1 = 8 * rnd.nextDouble();
            double x2 = 7 * rnd.nextDouble() - 4;
            x[2 * i] = x1;
            x[2 * i + 1] = x2;
            y[i] = 0.8 * x1 + x2 - 3 >= 0 ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, requirePositive(m), 2), Tensor.wrap(y, m, 1));
    }

    /** {@link #nonlinear(int, long)} with {@value #DEFAULT_POINTS} points. */
    public static Dataset nonlinear(long seed) {
        return nonlinear(DEFAULT_POINTS, seed);
    }

    /**
     * The nonlinear set: {@code x1 = 10·U − 5}, {@code x2 = 8·U − 4}, class 1 where
     * {@code −0.5·(x1 − 1)² + 2·x2 + 5 ≥ 0} (above a downward parabola), else 0.
     */
    public static Dataset nonlinear(int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double x1 = 10 * rnd.nextDouble() - 5;
            double x2 = 8 * rnd.nextDouble() - 4;
            x[2 * i] = x1;
            x[2 * i + 1] = x2;
            y[i] = -0.5 * (x1 - 1) * (x1 - 1) + 2 * x2 + 5 >= 0 ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, requirePositive(m), 2), Tensor.wrap(y, m, 1));
    }

    /** XOR's truth table: inputs (0,0), (0,1), (1,0), (1,1) with targets 0, 1, 1, 0. */
    public static Dataset xor() {
        return Dataset.of(Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), Tensor.wrap(new double[] {0, 1, 1, 0}, 4, 1));
    }

    /**
     * {@code m} noisy XOR points: a corner {@code (a, b)} of the unit square drawn uniformly
     * ({@code a} then {@code b}, each {@code nextInt(2)}), plus Gaussian noise of standard deviation
     * {@code noise} on each coordinate; the class is {@code a XOR b} (the corner's, not the noisy
     * point's).
     */
    public static Dataset noisyXor(int m, double noise, long seed) {
        requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            int a = rnd.nextInt(2);
            int b = rnd.nextInt(2);
            x[2 * i] = a + noise * rnd.nextGaussian();
            x[2 * i + 1] = b + noise * rnd.nextGaussian();
            y[i] = a ^ b;
        }
        return Dataset.of(Tensor.wrap(x, requirePositive(m), 2), Tensor.wrap(y, m, 1));
    }

    /** The cubic target {@code y = x³ + 0.1·x² − x + 0.1}. */
    public static double cubic(double x) {
        return x * x * x + 0.1 * x * x - x + 0.1;
    }

    /**
     * Regression on the cubic: {@code x = 3·U − 1.5} (uniform on [−1.5, 1.5)), {@code y = }{@link #cubic(double)}
     * {@code (x) + noise·N(0, 1)}; features and targets {@code [m, 1]}. {@code noise = 0} gives exact values.
     */
    public static Dataset cubic(int m, double noise, long seed) {
        requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = 3 * rnd.nextDouble() - 1.5;
            y[i] = cubic(x[i]) + (noise == 0 ? 0 : noise * rnd.nextGaussian());
        }
        return Dataset.of(Tensor.wrap(x, requirePositive(m), 1), Tensor.wrap(y, m, 1));
    }

    /**
     * The ten-point overfitting example: {@code x = linspace(−4.5, 4.5, 10)} (step 1), and the
     * lecture's fixed targets 0.9819, 0.7973, 1.9737, 0.1838, 1.3180, −0.8361, −0.6591, −2.4701,
     * −2.8122, −6.2512; features and targets {@code [10, 1]}.
     */
    public static Dataset overfittingTen() {
        double[] x = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = -4.5 + i;
        }
        return Dataset.of(Tensor.wrap(x, 10, 1), Tensor.wrap(TEN_Y.clone(), 10, 1));
    }

    static int requirePositive(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("The number of points (" + m + ") must be >= 1");
        }
        return m;
    }

    static void requireNoise(double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise (" + noise + ") must be finite and >= 0");
        }
    }
}
