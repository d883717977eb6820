package org.nnlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnlab.core.internal.NonZeros;
import org.nnlab.core.internal.SparseMatMul;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Prints what the parts of one training step of the lecture's 784-100-10 model cost at batch 32, on
 * one thread, in float32 or float64: the sparse first-layer products, listing the nonzeros, Adam's
 * update of the 78,400 first-layer weights and the gradient's NaN check.
 *
 * <p>Usage: {@code java -cp nn-core/target/classes:nn-core/target/test-classes
 * org.nnlab.core.bench.KernelBenchmark [float32|float64] [density]} (defaults float32 and 0.50, the
 * fraction of nonzero pixels in Fashion-MNIST; MNIST's is 0.19). Each figure is the best of 7 timed
 * rounds of 2,000 calls after a warm-up round, timed in the thread's CPU time, so other jobs on a
 * shared machine inflate it less than wall time. GFLOP/s counts the useful operations only,
 * {@code 2 · nonzeros · 100} for a sparse product. The last line adds the parts into a floor for a
 * step: what a 60,000-example epoch would cost if nothing else ran. {@code BENCHMARKS.md} uses it.
 * One precision and one density per run: the JIT compiles the kernels for the first trip counts.
 */
public final class KernelBenchmark {
    private static final int BATCH = 32;
    private static final int IN = 784;
    private static final int UNITS = 100;
    private static final int ROUNDS = 7;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private KernelBenchmark() {
    }

    /** Runs the benchmark and prints one block. */
    public static void main(String[] args) {
        Precision precision = args.length > 0 ? Precision.named(args[0]) : Precision.FLOAT32;
        double density = args.length > 1 ? Double.parseDouble(args[1]) : 0.50;
        System.out.printf(Locale.ROOT, "784-100 layer at batch %d, %s, 1 thread, Java %s%n", BATCH,
                precision.kerasName(), System.getProperty("java.version"));
        run(precision, density);
    }

    private static void run(Precision precision, double density) {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.zeros(precision, BATCH, IN);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble() < density ? (1 + rng.nextInt(255)) / 255.0 : 0.0);
        }
        Tensor w = Tensor.zeros(precision, IN, UNITS);
        for (int i = 0; i < w.size(); i++) {
            w.set(i, rng.nextDouble() - 0.5);
        }
        Tensor y = Tensor.zeros(precision, BATCH, UNITS);
        Tensor dz = Tensor.zeros(precision, BATCH, UNITS);
        for (int i = 0; i < dz.size(); i++) {
            dz.set(i, rng.nextDouble() - 0.5);
        }
        Tensor dw = Tensor.zeros(precision, IN, UNITS);
        NonZeros nz = new NonZeros();
        Runnable build;
        Runnable forward;
        Runnable gradient;
        if (precision == Precision.FLOAT32) {
            float[] xs = x.floatData();
            build = () -> nz.build(xs, BATCH, IN);
            forward = () -> SparseMatMul.ab(nz, xs, w.floatData(), null, y.floatData(), UNITS);
            gradient = () -> SparseMatMul.atb(nz, xs, dz.floatData(), dw.floatData(), UNITS, false);
        } else {
            double[] xs = x.data();
            build = () -> nz.build(xs, BATCH, IN);
            forward = () -> SparseMatMul.ab(nz, xs, w.data(), null, y.data(), UNITS);
            gradient = () -> SparseMatMul.atb(nz, xs, dz.data(), dw.data(), UNITS, false);
        }
        build.run();
        double sparseFlops = 2 * nz.density() * BATCH * IN * UNITS;
        gradient.run();
        Parameter kernel = new Parameter("kernel", Tensor.zeros(precision, IN, UNITS), true);
        kernel.grad().copyFrom(dw);
        Adam adam = new Adam();

        double listing = microseconds(build);
        double xW = microseconds(forward);
        double xTdz = microseconds(gradient);
        double update = microseconds(() -> adam.step(List.of(kernel)));
        double check = microseconds(() -> {
            if (kernel.grad().firstNonFinite() >= 0) {
                throw new IllegalStateException("unexpected non-finite gradient");
            }
        });

        System.out.printf(Locale.ROOT, "density %.2f:%n", nz.density());
        System.out.printf(Locale.ROOT, "  list nonzeros          %7.1f µs%n", listing);
        System.out.printf(Locale.ROOT, "  x·W, sparse            %7.1f µs  %5.1f GFLOP/s%n", xW, sparseFlops / xW / 1e3);
        System.out.printf(Locale.ROOT, "  xᵀ·dz, sparse          %7.1f µs  %5.1f GFLOP/s%n", xTdz, sparseFlops / xTdz / 1e3);
        System.out.printf(Locale.ROOT, "  Adam, 78,400 weights   %7.1f µs%n", update);
        System.out.printf(Locale.ROOT, "  NaN check, 78,400      %7.1f µs%n", check);
        double floor = listing + xW + xTdz + update + check;
        System.out.printf(Locale.ROOT, "  floor of a step: %.3f ms, of a 60,000-example epoch: %.2f s%n", floor / 1e3,
                floor * 1e-6 * 60_000 / BATCH);
    }

    /** The best of {@link #ROUNDS} timed rounds, in microseconds of this thread's CPU per call, after a warm-up round. */
    private static double microseconds(Runnable work) {
        int calls = 2_000;
        double best = Double.MAX_VALUE;
        for (int round = 0; round <= ROUNDS; round++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                work.run();
            }
            double us = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / calls;
            if (round > 0) {
                best = Math.min(best, us);
            }
        }
        return best;
    }
}
