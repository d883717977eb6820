package org.nnlab.curriculum.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.nnlab.core.tensor.Precision;

/**
 * The command line of {@link MnistBenchmark} and {@link ThreadScalingBenchmark}, named as the peers'
 * {@code --dataset}, {@code --threads}, …; {@code --rounds} is the scaling benchmark's alone.
 */
final class Options {
    String dataset;
    int threads = 1;
    int epochs = 5;
    int batch = 32;
    boolean batchGiven;
    int rounds = 5;
    long seed;
    double learningRate = 1e-3;
    int inferReps = 5;
    int[] hidden = {100};
    Precision precision = Precision.DEFAULT;
    Path out;

    /**
     * Reads {@code --name value} pairs.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a missing {@code --dataset}
     */
    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value, e.g. " + name + " 1");
            }
            String v = args[i + 1];
            switch (name) {
                case "--dataset" -> o.dataset = v;
                case "--threads" -> o.threads = Integer.parseInt(v);
                case "--epochs" -> o.epochs = Integer.parseInt(v);
                case "--batch" -> {
                    o.batch = Integer.parseInt(v);
                    o.batchGiven = true;
                }
                case "--rounds" -> o.rounds = Integer.parseInt(v);
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--lr" -> o.learningRate = Double.parseDouble(v);
                case "--infer-reps" -> o.inferReps = Integer.parseInt(v);
                case "--hidden" -> o.hidden = hidden(v);
                case "--precision" -> o.precision = Precision.named(v);
                case "--out" -> o.out = Path.of(v);
                default -> throw new IllegalArgumentException("Unknown option " + name + ". Expected --dataset"
                        + " fashion|mnist10k|FOLDER, --threads, --epochs, --batch, --seed, --lr, --infer-reps,"
                        + " --hidden 100|512,256, --precision float32|float64, --rounds, --out.");
            }
        }
        if (o.dataset == null) {
            throw new IllegalArgumentException("--dataset is required: fashion (Debian's dataset-fashion-mnist),"
                    + " mnist10k (the built-in digits) or a folder of MNIST-format IDX files");
        }
        return o;
    }

    /** {@code "512,256"} as {@code [512, 256]}: the ReLU hidden widths, as the peers' {@code --hidden}. */
    private static int[] hidden(String v) {
        int[] widths = Arrays.stream(v.split(",")).map(String::trim).filter(w -> !w.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        if (widths.length == 0 || Arrays.stream(widths).min().getAsInt() <= 0) {
            throw new IllegalArgumentException("--hidden needs positive widths, e.g. 100 or 512,256; got '" + v + "'");
        }
        return widths;
    }
}
