package org.nnlab.core.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnlab.core.internal.MatMul;
import org.nnlab.core.internal.NonZeros;
import org.nnlab.core.internal.SparseMatMul;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Tensor;

/**
 * Prints what the parts of one training step of the lecture's 784-100-10 model cost at batch 32, on
 * one thread: the sparse first-layer products, the dense product they replace, listing the
 * nonzeros, and Adam's update of the 78,400 first-layer weights.
 *
 * <p>Usage: {@code java -cp nn-core/target/classes org.nnlab.core.bench.KernelBenchmark [density ...]}
 * (default 0.19 and 0.50, the fractions of nonzero pixels in MNIST and Fashion-MNIST). Each figure is
 * the best of 7 timed rounds after warm-up. GFLOP/s counts the useful operations only, {@code 2 ·
 * nonzeros · 100} for a sparse product, so sparse and dense figures compare as time per result. The
 * last line adds the parts into a floor for a step: what a 60,000-example epoch would cost if nothing
 * else ran. {@code BENCHMARKS.md} uses it to explain where nnlab stands against PyTorch and numpy.
 */
public final class KernelBenchmark {
    private static final int BATCH = 32;
    private static final int IN = 784;
    private static final int UNITS = 100;
    private static final int ROUNDS = 7;

    private KernelBenchmark() {
    }

    /** Runs the benchmark and prints one block per density. */
    public static void main(String[] args) {
        double[] densities = args.length == 0 ? new double[] {0.19, 0.50}
                : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        System.out.printf(Locale.ROOT, "784-100 layer at batch %d, 1 thread, Java %s%n", BATCH,
                System.getProperty("java.version"));
        for (double density : densities) {
            run(density);
        }
    }

    private static void run(double density) {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[BATCH * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < density ? (1 + rng.nextInt(255)) / 255.0 : 0.0;
        }
        double[] w = new double[IN * UNITS];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() - 0.5;
        }
        double[] y = new double[BATCH * UNITS];
        double[] dz = new double[BATCH * UNITS];
        for (int i = 0; i < dz.length; i++) {
            dz[i] = rng.nextDouble() - 0.5;
        }
        double[] dw = new double[IN * UNITS];
        NonZeros nz = new NonZeros();
        nz.build(x, BATCH, IN);
        double nonzeros = nz.density() * BATCH * IN;
        double sparseFlops = 2 * nonzeros * UNITS;
        double denseFlops = 2.0 * BATCH * IN * UNITS;

        double build = microseconds(() -> nz.build(x, BATCH, IN));
        double forward = microseconds(() -> SparseMatMul.ab(nz, x, w, null, y, UNITS));
        double gradient = microseconds(() -> SparseMatMul.atb(nz, x, dz, dw, UNITS, false));
        double dense = microseconds(() -> MatMul.ab(x, w, y, BATCH, IN, UNITS, false));
        Parameter kernel = new Parameter("kernel", Tensor.zeros(org.nnlab.core.tensor.Precision.FLOAT64, IN, UNITS), true);
        System.arraycopy(dw, 0, kernel.grad().data(), 0, dw.length);
        Adam adam = new Adam();
        double update = microseconds(() -> adam.step(List.of(kernel)));

        System.out.printf(Locale.ROOT, "density %.2f:%n", nz.density());
        System.out.printf(Locale.ROOT, "  list nonzeros          %7.1f µs%n", build);
        System.out.printf(Locale.ROOT, "  x·W, sparse            %7.1f µs  %5.1f GFLOP/s%n", forward, sparseFlops / forward / 1e3);
        System.out.printf(Locale.ROOT, "  xᵀ·dz, sparse          %7.1f µs  %5.1f GFLOP/s%n", gradient, sparseFlops / gradient / 1e3);
        System.out.printf(Locale.ROOT, "  x·W, dense (reference) %7.1f µs  %5.1f GFLOP/s%n", dense, denseFlops / dense / 1e3);
        System.out.printf(Locale.ROOT, "  Adam, 78,400 weights   %7.1f µs%n", update);
        double floor = build + forward + gradient + update;
        System.out.printf(Locale.ROOT, "  floor of a step: %.3f ms, of a 60,000-example epoch: %.2f s%n", floor / 1e3,
                floor * 1e-6 * 60_000 / BATCH);
    }

    /** The best of {@link #ROUNDS} timed rounds, in microseconds per call, after a warm-up round. */
    private static double microseconds(Runnable work) {
        int calls = 2_000;
        double best = Double.MAX_VALUE;
        for (int round = 0; round <= ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                work.run();
            }
            double us = (System.nanoTime() - t0) / 1e3 / calls;
            if (round > 0) {
                best = Math.min(best, us);
            }
        }
        return best;
    }
}
