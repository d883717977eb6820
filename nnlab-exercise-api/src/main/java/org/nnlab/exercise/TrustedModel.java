package org.nnlab.exercise;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Flatten;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.train.Sequential;

/**
 * A graded model rebuilt by trusted code, so a test measures what the student trained and not what
 * the student's code says about it.
 *
 * <p>A model a submission returns may hold layers of its own ({@code Layer} is an interface): such
 * a layer could memorize answers or look them up. {@link #rebuild} accepts only nn-core's own
 * (final) {@link Dense} and {@link Flatten} layers, builds a fresh {@link Sequential} of the same
 * architecture and copies the weights into it. Evaluate the copy, on data the submission never
 * saw; the submission's objects take no further part.
 */
public final class TrustedModel {
    private TrustedModel() {
    }

    /**
     * A fresh copy of {@code model}, built from nn-core's layers with copies of its weights.
     *
     * @throws AssertionError (a failed test) naming what is not an nn-core model: {@code null}, a
     *     layer of another type
     */
    public static Sequential rebuild(Sequential model) {
        if (model == null) {
            throw new AssertionError("the model is null; return the Sequential you built");
        }
        List<Layer> layers = new ArrayList<>();
        int index = 0;
        for (Layer layer : List.copyOf(model.layers())) {
            index++;
            if (layer instanceof Dense d) {
                layers.add(new Dense(null, d.units(), d.activation(), d.useBias(), Initializer.ZEROS, Initializer.ZEROS));
            } else if (layer instanceof Flatten) {
                layers.add(new Flatten());
            } else {
                throw new AssertionError("layer " + index + " of the model is a "
                        + (layer == null ? "null" : layer.getClass().getName()) + ", not one of nn-core's Dense or"
                        + " Flatten layers; a graded model must be built from nn-core's layers, so the grader can"
                        + " rebuild and evaluate it itself.");
            }
        }
        Sequential copy = new Sequential(model.inputShape(), layers, 0);
        copy.setWeights(model.getWeights());
        return copy;
    }
}
