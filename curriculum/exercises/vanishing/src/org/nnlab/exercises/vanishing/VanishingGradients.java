package org.nnlab.exercises.vanishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.BatchNormalization;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.GradientNormRecorder;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;

/**
 * Measures how the gradient shrinks from the output back to the input in a deep network.
 */
public class VanishingGradients {
    /** Hidden layers of the deep network. */
    public static final int DEPTH = 10;
    /** Units per hidden layer. */
    public static final int WIDTH = 16;

    /** The largest value of σ'(z) = σ(z)(1 − σ(z)) over {@code samples} evenly spaced z in [−10, 10]. */
    public static double maxSigmoidDerivative(int samples) {
        // BEGIN SOLUTION
        double max = 0;
        for (int k = 0; k < samples; k++) {
            double z = -10 + 20.0 * k / (samples - 1);
            double s = Activation.sigmoid(z);
            max = Math.max(max, s * (1 - s));
        }
        return max;
        // END SOLUTION
    }

    /**
     * Mean kernel-gradient norm of each Dense layer, from the first (input side) to the output,
     * while training {@link #network} for one epoch on the lecture's nonlinear set (plain SGD,
     * learning rate 0.1, batch 32), read with nn-core's {@link GradientNormRecorder}.
     */
    public static double[] layerGradientNorms(Activation hidden, boolean batchNorm, long seed) {
        // BEGIN SOLUTION
        Sequential model = network(hidden, batchNorm, seed);
        model.compile(new SGD(0.1), new BinaryCrossentropy());
        Dataset data = LectureData.nonlinear(512, seed);
        GradientNormRecorder recorder = new GradientNormRecorder();
        model.fit(data.features(), data.targets(), FitOptions.builder().epochs(1).batchSize(32)
                .callbacks(recorder).verbosity(Verbosity.SILENT).build());
        Map<String, Double> means = recorder.meanNorms();
        List<Double> norms = new ArrayList<>();
        for (Layer layer : model.layers()) {
            if (layer instanceof Dense) {
                norms.add(means.get(layer.name()));
            }
        }
        return norms.stream().mapToDouble(Double::doubleValue).toArray();
        // END SOLUTION
    }

    /** First layer's norm over the last layer's: near 0 when the gradient vanishes on its way back. */
    public static double firstToLastRatio(double[] norms) {
        // BEGIN SOLUTION
        return norms[0] / norms[norms.length - 1];
        // END SOLUTION
    }

    /**
     * {@value #DEPTH} Dense layers of {@value #WIDTH} units with the {@code hidden} activation
     * (each followed by batch normalization if asked), then one sigmoid output unit.
     */
    public static Sequential network(Activation hidden, boolean batchNorm, long seed) {
        List<Layer> layers = new ArrayList<>();
        for (int d = 0; d < DEPTH; d++) {
            layers.add(new Dense(WIDTH, hidden));
            if (batchNorm) {
                layers.add(new BatchNormalization());
            }
        }
        layers.add(new Dense(1, Activation.SIGMOID));
        // float64: the tests compare the norms to 1e-6 of values recorded in double.
        return new Sequential(new int[] {2}, layers, seed, Precision.FLOAT64);
    }
}
