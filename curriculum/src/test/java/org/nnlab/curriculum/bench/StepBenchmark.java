package org.nnlab.curriculum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;

/**
 * Prints where one training step of an MLP on Fashion-MNIST spends its time, part by part, per epoch.
 *
 * <p>The step is the fit loop's, taken apart through the public API: gather the batch (bytes →
 * floats or doubles), the forward pass of the first Dense layer (the sparse products) and of the
 * rest, the loss from the logits, zeroing the gradients, the fused softmax/cross-entropy gradient,
 * the backward pass of the Dense layers after the first (last to first) and of the first, the
 * gradients' NaN check and Adam's update. With one thread, times are the main thread's CPU time, so
 * other jobs on a shared machine inflate them less than wall time; with a list of thread counts such
 * as {@code 1,2}, the epochs take the counts in turn and times are wall time (the main thread spins
 * while it waits for a helper, so its CPU time would count the wait anyway), which compares the
 * parts at both counts on the same minute of a drifting machine. In microseconds per step; examples
 * are visited in order. {@code BENCHMARKS.md} uses it to say what bounds an epoch and which parts gain
 * from a second thread.
 *
 * <p>Usage: {@code StepBenchmark [float32|float64] [batch] [hidden widths, e.g. 100 or 512,256]
 * [epochs] [threads, e.g. 1 or 1,2]} (defaults float32, 32, 100, 3, 1), with {@code curriculum/target/nnlab.jar} and
 * {@code curriculum/target/test-classes} on the class path; Debian's {@code dataset-fashion-mnist}.
 */
public final class StepBenchmark {
    private static final String[] PARTS = {"gather", "forward 1", "forward rest", "loss", "zero grads", "loss grad",
        "backward rest", "backward 1", "NaN check", "Adam"};

    private StepBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Precision precision = args.length > 0 ? Precision.named(args[0]) : Precision.FLOAT32;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String hidden = args.length > 2 ? args[2] : "100";
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int[] threadCounts = Arrays.stream((args.length > 4 ? args[4] : "1").split(","))
                .mapToInt(t -> Integer.parseInt(t.trim())).toArray();
        boolean wallTime = threadCounts.length > 1 || threadCounts[0] > 1;
        LabeledImages train = MnistDataset.load(MnistBenchmark.FASHION, "fashion").train();
        List<Layer> layers = new ArrayList<>(List.of(new Flatten()));
        for (String w : hidden.split(",")) {
            layers.add(new Dense(Integer.parseInt(w.trim()), Activation.RELU));
        }
        layers.add(new Dense(10, Activation.SOFTMAX));
        Sequential model = new Sequential(new int[] {28, 28}, layers, 0, precision);
        Adam adam = new Adam();
        model.compile(adam, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Metric.ACCURACY);
        List<Dense> dense = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (l instanceof Dense d) {
                dense.add(d);
            }
        }
        Dense head = dense.get(dense.size() - 1);
        int n = train.size() / batch * batch;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.zeros(precision, batch, 28, 28);
        Tensor y = Tensor.zeros(batch);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongSupplier clock = wallTime ? System::nanoTime : cpu::getCurrentThreadCpuTime;
        System.out.printf(Locale.ROOT, "%s, batch %d, 784-%s-10, Adam, threads %s; µs of %s per step%n",
                precision.kerasName(), batch, hidden.replace(',', '-'), Arrays.toString(threadCounts),
                wallTime ? "wall time" : "main-thread CPU");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int threads = threadCounts[(epoch - 1) % threadCounts.length];
            Parallel.setThreads(threads);
            // As the fit loop does for a split batch: the helper spins between the step's products.
            Parallel.stayAwake(Parallel.splitsBatch(batch) && threads > 1);
            long[] t = new long[PARTS.length];
            for (int from = 0; from < n; from += batch) {
                long t0 = clock.getAsLong();
                if (precision == Precision.FLOAT32) {
                    train.gatherFeatures(order, from, from + batch, x.floatData());
                } else {
                    train.gatherFeatures(order, from, from + batch, x.data());
                }
                train.gatherTargets(order, from, from + batch, y.data());
                long t1 = clock.getAsLong();
                // Flatten, then the first Dense layer (the sparse products), then the rest.
                List<Layer> all = model.layers();
                Tensor h = all.get(1).forward(all.get(0).forward(x, true), true);
                long t1b = clock.getAsLong();
                for (int l = 2; l < all.size(); l++) {
                    h = all.get(l).forward(h, true);
                }
                Tensor p = h;
                long t2 = clock.getAsLong();
                double value = model.loss().computeFromLogits(head.preActivation(), y);
                long t3 = clock.getAsLong();
                for (Parameter q : model.parameters()) {
                    q.zeroGrad();
                }
                long t4 = clock.getAsLong();
                Tensor g = model.loss().fusedGradient(p, y);
                long t5 = clock.getAsLong();
                g = head.backwardFromPreActivation(g, true);
                for (int i = dense.size() - 2; i > 0; i--) {
                    g = dense.get(i).backward(g);
                }
                long t5b = clock.getAsLong();
                dense.get(0).backwardParametersOnly(g);
                long t6 = clock.getAsLong();
                for (Parameter q : model.parameters()) {
                    if (q.grad().firstNonFinite() >= 0 || !Double.isFinite(value)) {
                        throw new IllegalStateException("diverged at " + q.name());
                    }
                }
                long t7 = clock.getAsLong();
                adam.step(model.parameters());
                long t8 = clock.getAsLong();
                long[] marks = {t0, t1, t1b, t2, t3, t4, t5, t5b, t6, t7, t8};
                for (int k = 0; k < PARTS.length; k++) {
                    t[k] += marks[k + 1] - marks[k];
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d, %d thread%s:", epoch, threads,
                    threads == 1 ? "" : "s"));
            long total = 0;
            for (int k = 0; k < PARTS.length; k++) {
                total += t[k];
                line.append(String.format(Locale.ROOT, "  %s %.1f", PARTS[k], t[k] / 1e3 / (n / batch)));
            }
            System.out.println(line.append(String.format(Locale.ROOT, "  | step %.1f µs, epoch %.3f s", total / 1e3
                    / (n / batch), total / 1e9)));
        }
    }
}
