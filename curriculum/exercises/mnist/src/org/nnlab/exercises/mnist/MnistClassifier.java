package org.nnlab.exercises.mnist;

import java.util.List;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.mnist.LabeledImages;

/**
 * The lecture's digit classifier: 28×28 images → 100 ReLU units → 10 softmax probabilities.
 */
public class MnistClassifier {

    /** The untrained model: Flatten, Dense(100, ReLU), Dense(10, softmax) on 28×28 inputs. */
    public static Sequential build(long seed) {
        // BEGIN SOLUTION
        return new Sequential("mnist", new int[] {28, 28}, List.of(new Flatten(),
                new Dense(100, Activation.RELU), new Dense(10, Activation.SOFTMAX)), seed);
        // END SOLUTION
    }

    /**
     * {@link #build} compiled with Adam (learning rate 0.001) and sparse categorical cross-entropy,
     * trained for {@code epochs} epochs in batches of 32 on {@code train}.
     */
    public static Sequential train(LabeledImages train, int epochs, long seed) {
        // BEGIN SOLUTION
        Sequential model = build(seed);
        model.compile(new Adam(0.001), new SparseCategoricalCrossentropy(), Metric.ACCURACY);
        model.fit(train, FitOptions.builder().epochs(epochs).batchSize(32).verbosity(Verbosity.SILENT).build());
        return model;
        // END SOLUTION
    }

    /** The fraction of {@code test} images whose most probable class is their label. */
    public static double accuracy(Sequential model, LabeledImages test) {
        // BEGIN SOLUTION
        int[] predicted = model.predict(test.featuresTensor()).argmaxRows();
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == test.label(i)) {
                right++;
            }
        }
        return right / (double) predicted.length;
        // END SOLUTION
    }
}
