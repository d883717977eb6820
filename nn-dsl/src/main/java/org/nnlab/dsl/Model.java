package org.nnlab.dsl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Sequential;
import org.nnlab.dsl.io.ModelArchive;
import org.nnlab.dsl.io.ModelFile;
import org.nnlab.dsl.io.ModelFileException;
import org.nnlab.dsl.spec.LayerRow;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * A spec compiled onto nn-core: a built {@link Sequential} that trains, evaluates, predicts and saves.
 *
 * <p>The DSL owns no maths: {@link #compile} turns each layer spec into its nn-core layer (with the
 * spec's resolved names), builds the model with the spec's seed, and compiles it with the spec's
 * optimizer, loss and metrics. {@code fit} first checks the targets against the output layer
 * (a label 9 for 5 output units fails before training, naming the row), then runs nn-core's loop
 * with the spec's fit options. {@link #save} and {@link #load} keep spec, weights and optimizer
 * state in one file, so a loaded model predicts bit-identically and training resumes where it stopped.
 */
public final class Model {
    private final ModelSpec spec;
    private final Sequential net;

    private Model(ModelSpec spec, Sequential net) {
        this.spec = spec;
        this.net = net;
    }

    /** Builds {@code spec} on nn-core, with fresh weights drawn from its seed. */
    public static Model compile(ModelSpec spec) {
        List<Layer> layers = new ArrayList<>();
        for (LayerRow r : spec.table().rows()) {
            layers.add(r.spec().toLayer(r.name()));
        }
        Sequential net = new Sequential(spec.name(), spec.inputShape().dims(), layers, spec.seed());
        TrainingSpec t = spec.training();
        if (t != null) {
            net.compile(t.optimizer().toOptimizer(), t.loss().toLoss(), t.metrics().toArray(Metric[]::new));
        }
        return new Model(spec, net);
    }

    /** Trains on {@code x}, {@code y} with the spec's fit options. */
    public History fit(Tensor x, Tensor y) {
        return fit(Examples.of(x, y), null, List.of());
    }

    /**
     * Trains on {@code train} (in-memory tensors, image files kept as bytes, …) with the spec's
     * fit options, e.g. {@code model.fit(MnistDataset.builtin().train())}.
     */
    public History fit(Examples train) {
        return fit(train, null, List.of());
    }

    /** Trains with validation data (which replaces any validation split of the spec). */
    public History fit(Tensor x, Tensor y, Tensor xValid, Tensor yValid) {
        return fit(Examples.of(x, y), Examples.of(xValid, yValid), List.of());
    }

    /**
     * Trains with the spec's fit options, optional validation data and extra callbacks.
     *
     * @param validation null for none (the spec's validation split then applies)
     * @throws IllegalStateException if the spec has no training configuration
     * @throws IllegalArgumentException if targets do not fit the output layer, naming the row and value
     */
    public History fit(Examples train, Examples validation, List<Callback> extraCallbacks) {
        TrainingSpec t = requireTraining("fit");
        checkTargets(train, "training");
        if (validation != null) {
            checkTargets(validation, "validation");
        }
        return net.fit(train, t.fit().toOptions(validation, extraCallbacks));
    }

    private void checkTargets(Examples examples, String which) {
        int n = examples.size();
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        int[] shape = new int[examples.targetShape().length + 1];
        shape[0] = n;
        System.arraycopy(examples.targetShape(), 0, shape, 1, shape.length - 1);
        Tensor y = Tensor.zeros(shape);
        examples.gatherTargets(idx, 0, n, y.data());
        try {
            spec.training().loss().checkTargets(y, spec.table().last());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + which + " targets do not fit model '" + spec.name() + "': "
                    + e.getMessage(), e);
        }
    }

    /** The loss and metrics on {@code x}, {@code y} in inference mode, keyed as Keras keys them. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        requireTraining("evaluate");
        return net.evaluate(x, y);
    }

    /** The loss and metrics on {@code examples} in inference mode, computed in batches of 256. */
    public Map<String, Double> evaluate(Examples examples) {
        requireTraining("evaluate");
        checkTargets(examples, "evaluation");
        return net.evaluate(examples, 256);
    }

    /** The outputs for every row of {@code x}, in inference mode. */
    public Tensor predict(Tensor x) {
        return net.predict(x);
    }

    /** Keras's summary table of the built model. */
    public String summary() {
        return net.summary();
    }

    /** The spec this model was compiled from. */
    public ModelSpec spec() {
        return spec;
    }

    /** The nn-core model, for what this wrapper does not offer (callbacks, gradients, layers). */
    public Sequential sequential() {
        return net;
    }

    /** Copies of the weights in Keras order. */
    public List<Tensor> getWeights() {
        return net.getWeights();
    }

    /** Saves spec, weights and the optimizer's state to {@code file}, atomically. */
    public void save(Path file) throws IOException {
        save(file, true);
    }

    /** Saves spec and weights, and the optimizer's state if {@code withOptimizer}, atomically. */
    public void save(Path file, boolean withOptimizer) throws IOException {
        List<String> names = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            names.add(p.name());
        }
        Optimizer opt = net.optimizer();
        Optimizer.Snapshot state = withOptimizer && opt != null ? opt.snapshot(net.parameters()) : null;
        ModelFile.write(new ModelArchive(spec, names, net.getWeights(), state, state == null ? null : net.progress()), file);
    }

    /**
     * Loads a model saved by {@link #save}: rebuilds it from the spec, then puts back weights and optimizer state.
     *
     * @throws ModelFileException if the file is unreadable or its weights do not fit its spec
     */
    public static Model load(Path file) throws IOException {
        ModelArchive a = ModelFile.read(file);
        Model m;
        try {
            m = compile(a.spec());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(file, "holds a spec that cannot be built: " + e.getMessage(), e);
        }
        List<Parameter> params = m.net.parameters();
        for (int i = 0; i < Math.min(params.size(), a.weightNames().size()); i++) {
            if (!params.get(i).name().equals(a.weightNames().get(i))) {
                throw new ModelFileException(file, "weight " + i + " is '" + a.weightNames().get(i)
                        + "' but the spec's model has '" + params.get(i).name() + "' there", null);
            }
        }
        try {
            m.net.setWeights(a.weights());
            if (a.optimizerState() != null) {
                m.net.optimizer().restore(params, a.optimizerState());
            }
            if (a.progress() != null) {
                m.net.restoreProgress(a.progress());
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "does not fit its own spec: " + e.getMessage(), e);
        }
        return m;
    }

    private TrainingSpec requireTraining(String operation) {
        if (spec.training() == null) {
            throw new IllegalStateException("Cannot " + operation + " model '" + spec.name() + "': it has no training"
                    + " configuration. Hint: add .compile(optimizer, loss, metrics) after the layers in the DSL.");
        }
        return spec.training();
    }
}
