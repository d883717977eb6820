package org.nnlab.data.synthetic;

import java.util.SplittableRandom;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;

/**
 * TensorFlow Playground's classification sets, generated as its {@code dataset.ts} does.
 *
 * <p>Features {@code [m, 2]} in about [−6, 6]², targets {@code [m, 1]}: class 1 for Playground's
 * label +1, class 0 for −1. The first {@code m/2} points are class-1 generator points, the rest
 * class 0 (so {@code m} should be even; an odd {@code m} gets one point fewer). {@code noise} is
 * Playground's slider divided by 100, from 0 to 0.5. Draws come from one
 * {@link SplittableRandom}{@code (seed)} in the order the formulas list them, so a seed fixes the set.
 * {@code U(a, b)} is a uniform draw, {@code N(0, 1)} a standard normal one.
 */
public final class Playground {
    /** Playground's radius of the data area. */
    private static final double RADIUS = 5;

    private Playground() {
    }

    /**
     * Circle: class 1 points at radius {@code U(0, 2.5)}, class 0 at {@code U(3.5, 5)}, angle
     * {@code U(0, 2π)}, {@code (x, y) = (r·sin a, r·cos a)}; the label is whether
     * {@code (x + U(−5, 5)·noise, y + U(−5, 5)·noise)} lies within radius 2.5, so noise flips labels
     * near the gap but the points stay where they were drawn.
     */
    public static Dataset circle(int m, double noise, long seed) {
        LectureData.requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = LectureData.requirePositive(m / 2) * 2;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i < n / 2;
            double r = inner ? uniform(rnd, 0, RADIUS * 0.5) : uniform(rnd, RADIUS * 0.7, RADIUS);
            double angle = uniform(rnd, 0, 2 * Math.PI);
            double px = r * Math.sin(angle);
            double py = r * Math.cos(angle);
            double noiseX = uniform(rnd, -RADIUS, RADIUS) * noise;
            double noiseY = uniform(rnd, -RADIUS, RADIUS) * noise;
            x[2 * i] = px;
            x[2 * i + 1] = py;
            y[i] = Math.hypot(px + noiseX, py + noiseY) < RADIUS * 0.5 ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, n, 2), Tensor.wrap(y, n, 1));
    }

    /**
     * Two spirals of {@code n = m/2} points each: point {@code i} at {@code r = 5·i/n},
     * {@code t = 1.75·2π·i/n + δ}, {@code (r·sin t + U(−1, 1)·noise, r·cos t + U(−1, 1)·noise)}, with
     * {@code δ = 0} for class 1 and {@code δ = π} for class 0.
     */
    public static Dataset spirals(int m, double noise, long seed) {
        LectureData.requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = LectureData.requirePositive(m / 2);
        double[] x = new double[4 * n];
        double[] y = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            int i = k % n;
            double r = (double) i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + (k < n ? 0 : Math.PI);
            x[2 * k] = r * Math.sin(t) + uniform(rnd, -1, 1) * noise;
            x[2 * k + 1] = r * Math.cos(t) + uniform(rnd, -1, 1) * noise;
            y[k] = k < n ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, 2 * n, 2), Tensor.wrap(y, 2 * n, 1));
    }

    /**
     * Two Gaussian blobs of {@code m/2} points: class 1 around (2, 2), class 0 around (−2, −2), each
     * coordinate {@code centre + √v·N(0, 1)} with variance {@code v = 0.5 + 7·noise} (Playground maps
     * noise 0..0.5 linearly to variance 0.5..4).
     */
    public static Dataset gaussians(int m, double noise, long seed) {
        LectureData.requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = LectureData.requirePositive(m / 2);
        double sd = Math.sqrt(0.5 + noise * (4 - 0.5) / 0.5);
        double[] x = new double[4 * n];
        double[] y = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            double centre = k < n ? 2 : -2;
            x[2 * k] = centre + sd * rnd.nextGaussian();
            x[2 * k + 1] = centre + sd * rnd.nextGaussian();
            y[k] = k < n ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, 2 * n, 2), Tensor.wrap(y, 2 * n, 1));
    }

    /**
     * Playground's XOR: {@code x = U(−5, 5)} pushed 0.3 away from 0, the same for {@code y}; class 1
     * where {@code (x + U(−5, 5)·noise)·(y + U(−5, 5)·noise) ≥ 0}.
     */
    public static Dataset xor(int m, double noise, long seed) {
        LectureData.requireNoise(noise);
        SplittableRandom rnd = new SplittableRandom(seed);
        LectureData.requirePositive(m);
        double[] x = new double[2 * m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double px = uniform(rnd, -5, 5);
            px += px > 0 ? 0.3 : -0.3;
            double py = uniform(rnd, -5, 5);
            py += py > 0 ? 0.3 : -0.3;
            double noiseX = uniform(rnd, -5, 5) * noise;
            double noiseY = uniform(rnd, -5, 5) * noise;
            x[2 * i] = px;
            x[2 * i + 1] = py;
            y[i] = (px + noiseX) * (py + noiseY) >= 0 ? 1 : 0;
        }
        return Dataset.of(Tensor.wrap(x, m, 2), Tensor.wrap(y, m, 1));
    }

    private static double uniform(SplittableRandom rnd, double a, double b) {
        return a + (b - a) * rnd.nextDouble();
    }
}
