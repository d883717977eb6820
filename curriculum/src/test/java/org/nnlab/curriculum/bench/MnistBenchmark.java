package org.nnlab.curriculum.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.train.BatchGradients;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;

/**
 * Trains the lecture's MNIST model on real images and prints one {@code RESULT {json}} line, the same
 * fields as the PyTorch and numpy peers in {@code shared/bench/peers/}.
 *
 * <p>The model: Flatten → Dense(100, relu) → Dense(10, softmax) (other ReLU widths with
 * {@code --hidden}, e.g. {@code 512,256}), Glorot-uniform weights, zero biases, Adam(1e-3, ε 1e-7),
 * sparse categorical cross-entropy, batch 32, reshuffled every epoch, 5 epochs, in float32 unless
 * {@code --precision float64} (the RESULT line says which). Epoch time covers what the peers' covers:
 * shuffle, batch gather (bytes → floats or doubles), forward, backward, Adam; nnlab also tracks the
 * running accuracy. Inference time is the median of
 * {@code --infer-reps} passes over 10,000 images (bytes → floats included, as nnlab keeps images as
 * bytes) after one untimed pass (whose time is reported as
 * {@code infer_s_first}). Peak memory is the process's VmHWM. {@code epoch_cpu_s_main_thread} is each
 * epoch's CPU time on the training thread, and {@code optimizer_step_us} the mean main-thread CPU per
 * step, in µs, from the batch's gradients to its end: Adam's update (plus the step count and the
 * running means), so that a change in how the JIT compiled the update shows epoch by epoch.
 *
 * <p>Usage: {@code MnistBenchmark --dataset fashion|mnist10k|FOLDER [--threads 1] [--epochs 5]
 * [--batch 32] [--seed 0] [--infer-reps 5] [--hidden 100] [--precision float32] [--out FILE]}. {@code scripts/bench-peers.sh} runs it with
 * the JVM flags that BENCHMARKS.md explains, alternating with the peers.
 */
public final class MnistBenchmark {
    /** Debian's {@code dataset-fashion-mnist} folder. */
    public static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    /** Images per inference batch: large enough to amortize, small enough for the sparse kernels. */
    private static final int INFER_BATCH = 256;
    private static final int INFER_N = 10_000;

    private MnistBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        Parallel.setThreads(o.threads);
        MnistDataset data = dataset(o);
        LabeledImages train = data.train();
        LabeledImages test = data.test();
        Sequential model = model(o, train, test.numClasses());
        EpochTimer timer = new EpochTimer();
        History history = model.fit(train, FitOptions.builder().epochs(o.epochs).batchSize(o.batch)
                .verbosity(Verbosity.SILENT).callbacks(timer).build());

        double testAccuracy = model.evaluate(test, INFER_BATCH).get("accuracy");
        List<Examples> inference = inferenceSet(train, test);
        long t0 = System.nanoTime();
        predictAll(model, inference);
        double first = (System.nanoTime() - t0) / 1e9;
        double[] reps = new double[o.inferReps];
        for (int r = 0; r < reps.length; r++) {
            t0 = System.nanoTime();
            predictAll(model, inference);
            reps[r] = (System.nanoTime() - t0) / 1e9;
        }

        double median = median(timer.seconds);
        StringBuilder json = new StringBuilder("{");
        field(json, "peer", quote("nnlab"));
        field(json, "dataset", quote(o.dataset));
        field(json, "threads", o.threads);
        field(json, "seed", o.seed);
        field(json, "epochs", o.epochs);
        field(json, "hidden", Arrays.toString(o.hidden));
        field(json, "precision", quote(o.precision.kerasName()));
        field(json, "batch", o.batch);
        field(json, "n_train", train.size());
        field(json, "epoch_s", list(timer.seconds, "%.4f"));
        field(json, "epoch_s_median", round(median, 4));
        field(json, "samples_per_s", round(train.size() / median, 1));
        field(json, "train_loss", list(toList(history.get("loss")), "%.5f"));
        field(json, "test_acc", round(testAccuracy, 4));
        field(json, "infer_n", INFER_N);
        field(json, "infer_s_median", round(median(toList(reps)), 4));
        field(json, "infer_s_first", round(first, 4));
        field(json, "ru_maxrss_mb", round(peakResidentMegabytes(), 1));
        field(json, "java", quote(System.getProperty("java.version")));
        field(json, "epoch_cpu_s_main_thread", list(timer.cpuSeconds, "%.4f"));
        field(json, "optimizer_step_us", list(timer.optimizerMicros, "%.1f"));
        field(json, "load_avg_1min", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
        field(json, "max_heap_mb", round(Runtime.getRuntime().maxMemory() / 1048576.0, 1));
        json.setLength(json.length() - 2);
        String line = json.append('}').toString();
        System.out.println("RESULT " + line);
        if (o.out != null) {
            Files.writeString(o.out, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The images {@code --dataset} names: Debian's Fashion-MNIST, the built-in digits or a folder of IDX files. */
    static MnistDataset dataset(Options o) throws IOException {
        return switch (o.dataset) {
            case "fashion" -> MnistDataset.load(FASHION, "fashion");
            case "mnist10k", "builtin" -> MnistDataset.builtin();
            default -> MnistDataset.load(Path.of(o.dataset));
        };
    }

    /**
     * The peers' MLP: Flatten, a ReLU Dense layer per {@code --hidden} width, a softmax over the
     * classes; Adam at {@code --lr}, sparse categorical cross-entropy, accuracy, compiled.
     */
    static Sequential model(Options o, LabeledImages train, int classes) {
        List<Layer> layers = new ArrayList<>(List.of(new Flatten()));
        for (int width : o.hidden) {
            layers.add(new Dense(width, Activation.RELU));
        }
        layers.add(new Dense(classes, Activation.SOFTMAX));
        Sequential model = new Sequential(new int[] {train.rows(), train.cols()}, layers, o.seed, o.precision);
        model.compile(new Adam(o.learningRate), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        return model;
    }

    /** The peers' inference set: the test images, topped up with the first training images to 10,000. */
    static List<Examples> inferenceSet(LabeledImages train, LabeledImages test) {
        if (test.size() >= INFER_N) {
            return List.of(test.range(0, INFER_N));
        }
        return List.of(test, train.range(0, Math.min(train.size(), INFER_N - test.size())));
    }

    /** Class probabilities for every image, by the model's predict in batches of 256; returns a checksum. */
    static double predictAll(Sequential model, List<Examples> sets) {
        double checksum = 0;
        for (Examples set : sets) {
            checksum += model.predict(set, INFER_BATCH).get(0);
        }
        return checksum;
    }

    /** Peak resident memory of this process (VmHWM in /proc/self/status), in MiB; NaN where unavailable. */
    static double peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static List<Double> toList(double[] xs) {
        List<Double> l = new ArrayList<>();
        for (double x : xs) {
            l.add(x);
        }
        return l;
    }

    private static String round(double x, int digits) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%." + digits + "f", x) : "null";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<Double> xs, String format) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < xs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, format, xs.get(i)));
        }
        return sb.append(']').toString();
    }

    private static void field(StringBuilder json, String key, Object value) {
        json.append(quote(key)).append(": ").append(value).append(", ");
    }

    /**
     * Wall-clock and main-thread CPU seconds of each epoch, from its first batch to its end-of-epoch
     * logs, and the mean CPU µs per step from the gradients to the batch's end (the optimizer's step).
     */
    private static final class EpochTimer implements Callback {
        private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        private final List<Double> seconds = new ArrayList<>();
        private final List<Double> cpuSeconds = new ArrayList<>();
        private final List<Double> optimizerMicros = new ArrayList<>();
        private long start;
        private long cpuStart;
        private long stepStart;
        private long optimizerNanos;
        private int steps;

        @Override
        public void onEpochBegin(int epoch) {
            start = System.nanoTime();
            cpuStart = cpu.getCurrentThreadCpuTime();
            optimizerNanos = 0;
            steps = 0;
        }

        @Override
        public void onBatchGradients(BatchGradients gradients) {
            stepStart = cpu.getCurrentThreadCpuTime();
        }

        @Override
        public void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {
            optimizerNanos += cpu.getCurrentThreadCpuTime() - stepStart;
            steps++;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            seconds.add((System.nanoTime() - start) / 1e9);
            cpuSeconds.add((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            optimizerMicros.add(steps == 0 ? 0.0 : optimizerNanos / 1e3 / steps);
        }
    }
}
