package org.nnlab.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.TrainingMonitor;
import org.nnlab.core.train.Verbosity;

/**
 * Prints the training throughput of the lecture's 784-100-10 model at batch 32 on random data.
 *
 * <p>Usage: {@code java -cp nn-core/target/classes:nn-core/target/test-classes
 * org.nnlab.core.bench.TrainingBenchmark [examples] [epochs] [batch] [float32|float64] [regularized|activity|monitored]}
 * (defaults 20,000, 4, 32, float32 and plain); {@code -Dnnlab.threads=2} uses two threads. With
 * {@code monitored} it alternates epochs without and with a {@code TrainingMonitor} and prints the
 * monitor's cost as a share of an epoch (the bound: at most 5%). With
 * {@code regularized} both kernels carry an L2(0.01) penalty and Adam adds weight decay 0.004
 * (biases excluded) and global clipping at norm 1, so the cost of those options can be read off; with
 * {@code activity} both layers carry an activity L2(1e-5) on their outputs instead. The first epoch warms
 * up the JIT and is reported but not counted; the
 * figure is the median over the remaining epochs. It measures the engine, not learning: labels are
 * random. For the full comparison with PyTorch on real data see {@code BENCHMARKS.md}.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    /** Runs the benchmark and prints one line per epoch and a summary. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Precision precision = args.length > 3 ? Precision.named(args[3]) : Precision.DEFAULT;
        SplittableRandom rng = new SplittableRandom(1);
        Tensor x = Tensor.zeros(n, 784);
        for (int i = 0; i < x.size(); i++) {
            // MNIST-like sparsity: about 80% background zeros.
            x.data()[i] = rng.nextDouble() < 0.8 ? 0.0 : rng.nextDouble();
        }
        Tensor y = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            y.data()[i] = rng.nextInt(10);
        }
        boolean regularized = args.length > 4 && args[4].equals("regularized");
        Sequential model;
        if (args.length > 4 && args[4].equals("activity")) {
            // Keras's activity_regularizer on both layers' outputs, the hidden ReLU's and the fused softmax's.
            model = new Sequential(new int[] {784}, List.of(
                    Dense.Config.of(100, Activation.RELU).activityRegularizer(new L2(1e-5)).create(),
                    Dense.Config.of(10, Activation.SOFTMAX).activityRegularizer(new L2(1e-5)).create()), 42, precision);
            model.compile(new Adam(), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        } else if (regularized) {
            model = new Sequential(new int[] {784}, List.of(
                    Dense.Config.of(100, Activation.RELU).kernelRegularizer(new L2()).create(),
                    Dense.Config.of(10, Activation.SOFTMAX).kernelRegularizer(new L2()).create()), 42, precision);
            model.compile(new Adam(Adam.Config.DEFAULTS.weightDecay(0.004).excludeFromWeightDecay("bias")
                    .globalClipnorm(1.0)), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        } else {
            model = new Sequential(new int[] {784}, List.of(
                    new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), 42, precision);
            model.compile(new Adam(), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        }

        if (args.length > 4 && args[4].equals("monitored")) {
            monitorCost(model, x, y, epochs, batch);
            return;
        }
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            model.fit(x, y, FitOptions.builder().epochs(1).batchSize(batch).verbosity(Verbosity.SILENT).build());
            double s = (System.nanoTime() - t0) / 1e9;
            double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            seconds.add(s);
            cpuSeconds.add(c);
            System.out.printf(Locale.ROOT, "epoch %d: %.3f s, %.0f samples/s, main thread CPU %.3f s%s%n", e + 1, s,
                    n / s, c, e == 0 ? " (warm-up)" : "");
        }
        double[] timed = seconds.subList(Math.min(1, epochs - 1), epochs).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = timed[timed.length / 2];
        double[] timedCpu = cpuSeconds.subList(Math.min(1, epochs - 1), epochs).stream().mapToDouble(Double::doubleValue)
                .sorted().toArray();
        double medianCpu = timedCpu[timedCpu.length / 2];
        int steps = (n + batch - 1) / batch;
        System.out.printf(Locale.ROOT, "784-100-10%s, %s, batch %d, Adam, %d thread(s): median %.3f s per %d examples,"
                + " %.0f samples/s, %.3f ms/step, main thread CPU %.3f ms/step (timed epochs %s)%n",
                regularized ? " (L2, weight decay, clipping)" : "", precision.kerasName(), batch, Parallel.threads(),
                median, n, n / median, median / steps * 1e3, medianCpu / steps * 1e3,
                Arrays.toString(timed));
    }

    /**
     * Alternates epochs without and with a {@link TrainingMonitor}, in turn first (each its own fit, so
     * every timed epoch is a monitor's first, its dearest: statistics sampled, weights copied) and prints the median of each and the monitor's cost
     * as a share of an epoch; the first pair warms up the JIT.
     */
    private static void monitorCost(Sequential model, Tensor x, Tensor y, int epochs, int batch) {
        List<Double> plain = new ArrayList<>();
        List<Double> monitored = new ArrayList<>();
        for (int e = 0; e <= epochs; e++) {
            boolean[] order = e % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
            for (boolean on : order) {
                FitOptions.Builder options = FitOptions.builder().epochs(1).batchSize(batch).verbosity(Verbosity.SILENT);
                if (on) {
                    options.callbacks(new TrainingMonitor());
                }
                long t0 = System.nanoTime();
                model.fit(x, y, options.build());
                double s = (System.nanoTime() - t0) / 1e9;
                if (e > 0) {
                    (on ? monitored : plain).add(s);
                }
                System.out.printf(Locale.ROOT, "epoch %d %s: %.3f s%s%n", e + 1, on ? "with monitor   " : "without monitor",
                        s, e == 0 ? " (warm-up)" : "");
            }
        }
        double without = median(plain);
        double with = median(monitored);
        System.out.printf(Locale.ROOT, "784-100-10, batch %d, %d examples: median epoch %.3f s without the training"
                + " monitor, %.3f s with it: the monitor costs %+.1f%% of an epoch%n", batch, x.rows(), without, with,
                100 * (with - without) / without);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
