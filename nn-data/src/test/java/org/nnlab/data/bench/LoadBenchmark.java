package org.nnlab.data.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nnlab.data.Dataset;
import org.nnlab.data.mnist.DatasetResolver;
import org.nnlab.data.mnist.LabeledImages;
import org.nnlab.data.mnist.MnistDataset;
import org.nnlab.data.mnist.MnistSplit;

/**
 * Times loading an MNIST-format training set and the heap it keeps, then the cost of turning it
 * into batches of doubles: warm-up runs, then the median of the timed runs.
 *
 * <p>Arguments: {@code [dataset-name-or-folder] [timed-runs] [warm-up-runs]}, default
 * {@code fashion-mnist 5 2}. Run with
 * {@code mvn -q -pl nn-data -am compile exec:java -Dexec.mainClass=org.nnlab.data.bench.LoadBenchmark}.
 * Prints one line per figure; the retained heap is the used heap after a GC with the images
 * reachable, minus the same before loading.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        String what = args.length > 0 ? args[0] : DatasetResolver.FASHION;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path folder = Files.isDirectory(Path.of(what)) ? Path.of(what) : DatasetResolver.system().locate(what);
        System.out.println("dataset folder: " + folder);

        long before = usedHeapAfterGc();
        double[] loadMs = new double[runs];
        LabeledImages train = null;
        for (int r = -warmups; r < runs; r++) {
            train = null;
            usedHeapAfterGc();
            long t0 = System.nanoTime();
            train = MnistDataset.loadSplit(folder, what, MnistSplit.TRAIN);
            if (r >= 0) {
                loadMs[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        long retained = usedHeapAfterGc() - before;
        System.out.printf("training set: %d images of %d×%d, %d classes %s%n", train.size(), train.rows(), train.cols(),
                train.numClasses(), train.classNames());
        System.out.printf("load time (median of %d after %d warm-up): %.1f ms   all runs: %s%n", runs, warmups,
                median(loadMs), Arrays.toString(round(loadMs)));
        System.out.printf("heap retained by the training set: %.1f MB (pixels as bytes: %.1f MB; as doubles they"
                + " would be %.1f MB)%n", retained / 1e6, (double) train.size() * train.featureSize() / 1e6,
                8.0 * train.size() * train.featureSize() / 1e6);

        double[] epochMs = new double[runs];
        double[] batch = new double[32 * train.featureSize()];
        double checksum = 0;
        for (int r = -warmups; r < runs; r++) {
            int[] order = Dataset.permutation(train.size(), r);
            long t0 = System.nanoTime();
            for (int from = 0; from < order.length; from += 32) {
                int to = Math.min(from + 32, order.length);
                train.gatherFeatures(order, from, to, batch);
                checksum += batch[0];
            }
            if (r >= 0) {
                epochMs[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf("one shuffled epoch of batches of 32 converted to doubles: %.1f ms (median; checksum %.3f)%n",
                median(epochMs), checksum);
        System.out.printf("process peak resident memory (VmHWM): %s; max heap %d MB%n", peakRss(),
                Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 10) / 10.0;
        }
        return r;
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
