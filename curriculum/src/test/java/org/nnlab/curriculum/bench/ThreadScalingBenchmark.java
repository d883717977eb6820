package org.nnlab.curriculum.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.internal.Products;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;

/**
 * How much a second thread speeds up training and inference, beside how much this machine lets any
 * two threads gain at that moment.
 *
 * <p>Each round measures, back to back in one process, so that a shared machine's drift (here the
 * speed of one thread varies by a third from minute to minute) slows both sides alike:
 * <ul>
 *   <li><b>the machine's ceiling</b>: the first layer's forward product (list the nonzeros, sparse
 *       x·W) on one batch, once on one thread, then as two independent copies on two threads with
 *       nothing shared; {@code 2 · t(one) / t(two)} is what two threads can gain on that work when
 *       nothing is split, handed off or waited for;
 *   <li><b>nnlab's training</b>: one epoch with 1 thread and one with 2 (the order alternating by
 *       round), the fit loop as a user calls it, timed from the epoch's start to its end;
 *   <li><b>nnlab's inference</b>: {@code predict} of the 10,000 inference images in batches of 256
 *       with 1 and with 2 threads.
 * </ul>
 * It prints each round and the medians of the per-round ratios.
 *
 * <p>Usage: {@code ThreadScalingBenchmark --dataset fashion [--batch 256] [--rounds 5] [--hidden 100]
 * [--precision float32]}, with {@code curriculum/target/nnlab.jar} and
 * {@code curriculum/target/test-classes} on the class path; BENCHMARKS.md has the command and runs.
 */
public final class ThreadScalingBenchmark {
    private static final int INFER_BATCH = 256;

    private ThreadScalingBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options o = Options.parse(args);
        MnistDataset data = MnistBenchmark.dataset(o);
        LabeledImages train = data.train();
        LabeledImages test = data.test();
        int batch = o.batchGiven ? o.batch : INFER_BATCH;
        Sequential model = MnistBenchmark.model(o, train, test.numClasses());
        EpochClock clock = new EpochClock();
        FitOptions oneEpoch = FitOptions.builder().epochs(1).batchSize(batch).verbosity(Verbosity.SILENT)
                .callbacks(clock).build();
        var inference = MnistBenchmark.inferenceSet(train, test);
        Ceiling ceiling = new Ceiling(train, batch, o.hidden[0], o.precision);

        System.out.printf(Locale.ROOT, "%s, batch %d, 784-%s-%d; ratios are 1-thread time / 2-thread time%n",
                o.precision.kerasName(), batch, joined(o.hidden), test.numClasses());
        // Warm-up: compile both paths before anything is timed.
        for (int t = 1; t <= 2; t++) {
            Parallel.setThreads(t);
            model.fit(train, oneEpoch);
            MnistBenchmark.predictAll(model, inference);
        }
        ceiling.speedUp();

        double[] ceilings = new double[o.rounds];
        double[] epochs = new double[o.rounds];
        double[] infers = new double[o.rounds];
        for (int r = 0; r < o.rounds; r++) {
            ceilings[r] = ceiling.speedUp();
            double[] epoch = new double[3];
            double[] infer = new double[3];
            // Alternate which thread count goes first, so a drift within the round favours neither.
            for (int t : r % 2 == 0 ? new int[] {1, 2} : new int[] {2, 1}) {
                Parallel.setThreads(t);
                model.fit(train, oneEpoch);
                epoch[t] = clock.seconds;
                long t0 = System.nanoTime();
                MnistBenchmark.predictAll(model, inference);
                infer[t] = (System.nanoTime() - t0) / 1e9;
            }
            epochs[r] = epoch[1] / epoch[2];
            infers[r] = infer[1] / infer[2];
            System.out.printf(Locale.ROOT, "round %d: machine ceiling %.2f | epoch %.3f s vs %.3f s: %.2f | inference"
                    + " %.4f s vs %.4f s: %.2f%n", r + 1, ceilings[r], epoch[1], epoch[2], epochs[r], infer[1], infer[2],
                    infers[r]);
        }
        System.out.printf(Locale.ROOT, "medians over %d rounds: machine ceiling %.2f, epoch %.2f, inference %.2f%n",
                o.rounds, median(ceilings), median(epochs), median(infers));
    }

    /** The wall time of the last epoch, from its first batch to its end, without fit's checks before it. */
    private static final class EpochClock implements Callback {
        private long start;
        private double seconds;

        @Override
        public void onEpochBegin(int epoch) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            seconds = (System.nanoTime() - start) / 1e9;
        }
    }

    /** Two independent copies of the first layer's forward product, each with its own data and buffers. */
    private static final class Ceiling {
        /** Products per timing: about a third of a second of work on one thread. */
        private static final int REPS = 300;
        private final Copy[] copies = new Copy[2];

        Ceiling(LabeledImages train, int batch, int width, Precision precision) {
            for (int c = 0; c < copies.length; c++) {
                copies[c] = new Copy(train, c * batch, batch, width, precision);
            }
        }

        /** {@code 2 · t(one copy on one thread) / t(two copies on two threads)}, nothing split. */
        double speedUp() throws InterruptedException {
            Parallel.setThreads(1);
            long t0 = System.nanoTime();
            copies[0].run();
            double one = System.nanoTime() - t0;
            Thread other = new Thread(copies[1], "ceiling-copy");
            t0 = System.nanoTime();
            other.start();
            copies[0].run();
            other.join();
            double two = System.nanoTime() - t0;
            return 2 * one / two;
        }

        private static final class Copy implements Runnable {
            private final Products products = new Products();
            private final Tensor x;
            private final Tensor w;
            private final Tensor b;
            private final Tensor z;

            Copy(LabeledImages train, int first, int batch, int width, Precision precision) {
                x = Tensor.zeros(precision, batch, train.rows() * train.cols());
                int[] order = new int[batch];
                Arrays.setAll(order, i -> first + i);
                if (precision == Precision.FLOAT32) {
                    train.gatherFeatures(order, 0, batch, x.floatData());
                } else {
                    train.gatherFeatures(order, 0, batch, x.data());
                }
                w = Tensor.zeros(precision, x.rowSize(), width);
                for (int i = 0; i < w.size(); i++) {
                    w.set(i, Math.sin(i) * 0.05);
                }
                b = Tensor.zeros(precision, width);
                z = Tensor.zeros(precision, batch, width);
            }

            @Override
            public void run() {
                for (int r = 0; r < REPS; r++) {
                    products.xW(x, w, b, z, true);
                }
            }
        }
    }

    private static String joined(int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int w : widths) {
            s.append(s.length() == 0 ? "" : "-").append(w);
        }
        return s.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
