package org.nnlab.curriculum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
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
 * floats or doubles), the forward pass, the loss from the logits, zeroing the gradients, the fused
 * softmax/cross-entropy gradient, the backward pass of each Dense layer (last to first), the
 * gradients' NaN check and Adam's update. With one thread, times are the main thread's CPU time, so
 * other jobs on a shared machine inflate them less than wall time; with more, they are wall time (the
 * main thread spins while it waits for a helper, so its CPU time would count the wait anyway). In
 * microseconds per step; examples are visited in order. {@code BENCHMARKS.md} uses it to say what
 * bounds an epoch and which parts gain from a second thread.
 *
 * <p>Usage: {@code StepBenchmark [float32|float64] [batch] [hidden widths, e.g. 100 or 512,256]
 * [epochs] [threads]} (defaults float32, 32, 100, 3, 1), with {@code curriculum/target/nnlab.jar} and
 * {@code curriculum/target/test-classes} on the class path; Debian's {@code dataset-fashion-mnist}.
 */
public final class StepBenchmark {
    private static final String[] PARTS = {"gather", "forward", "loss", "zero grads", "loss grad", "backward",
        "NaN check", "Adam"};

    private StepBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Precision precision = args.length > 0 ? Precision.named(args[0]) : Precision.FLOAT32;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String hidden = args.length > 2 ? args[2] : "100";
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Parallel.setThreads(threads);
        // As the fit loop does for a split batch: the helper spins between the step's products.
        Parallel.stayAwake(Parallel.splitsBatch(batch) && threads > 1);
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
        LongSupplier clock = threads == 1 ? cpu::getCurrentThreadCpuTime : System::nanoTime;
        System.out.printf(Locale.ROOT, "%s, batch %d, 784-%s-10, Adam, %d thread%s; µs of %s per step%n",
                precision.kerasName(), batch, hidden.replace(',', '-'), threads, threads == 1 ? "" : "s",
                threads == 1 ? "main-thread CPU" : "wall time");
        for (int epoch = 1; epoch <= epochs; epoch++) {
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
                Tensor p = model.forward(x, true);
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
                long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7, t8};
                for (int k = 0; k < PARTS.length; k++) {
                    t[k] += marks[k + 1] - marks[k];
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d:", epoch));
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
