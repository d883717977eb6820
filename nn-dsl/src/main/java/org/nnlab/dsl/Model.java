package org.nnlab.dsl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.Optimizer;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.ReduceLROnPlateau;
import org.nnlab.core.train.Sequential;
import org.nnlab.dsl.io.ModelArchive;
import org.nnlab.dsl.io.ModelFile;
import org.nnlab.dsl.io.ModelFileException;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.TrainingSpec;

/**
 * A spec compiled onto nn-core: a built {@link Sequential} that trains, evaluates, predicts and saves.
 *
 * <p>The DSL owns no maths and no rules: {@link #compile} creates each layer from its nn-core
 * config, builds the model with the spec's seed (core names the layers as the spec did), and
 * compiles it with the spec's optimizer, loss and metrics. {@code fit} and {@code evaluate} are
 * Keras-shaped and run nn-core's loop, which checks the data (shapes, NaN, labels) with its own
 * messages: {@code model.fit(x, y, f -> f.epochs(500).verbose(0))} is Keras's
 * {@code model.fit(x, y, epochs=500, verbose=0)}, starting from the fit options saved in the spec.
 * {@link #save} and {@link #load} keep spec, weights and optimizer state in one {@code .nnlab}
 * file, so a loaded model predicts bit-identically and training resumes where it stopped: the
 * optimizer's moments and step (so a learning-rate schedule continues), a learning rate that
 * ReduceLROnPlateau lowered, and that callback's counters.
 */
public final class Model {
    private final ModelSpec spec;
    private final Sequential net;
    /** The spec's saved callbacks, with this model's own ReduceLROnPlateau instances, whose counters follow it. */
    private final List<Callback> callbacks;

    private Model(ModelSpec spec, Sequential net) {
        this.spec = spec;
        this.net = net;
        this.callbacks = spec.training() == null ? List.of() : spec.training().fit().callbacks().stream()
                .map(c -> c instanceof ReduceLROnPlateau r ? (Callback) new ReduceLROnPlateau(r.config()) : c).toList();
    }

    /** Builds {@code spec} on nn-core, with fresh weights drawn from its seed. */
    public static Model compile(ModelSpec spec) {
        List<Layer> layers = new ArrayList<>();
        for (LayerConfig c : spec.layers()) {
            layers.add(c.create());
        }
        Sequential net = new Sequential(spec.name(), spec.inputShape().dims(), layers, spec.seed(), spec.precision());
        TrainingSpec t = spec.training();
        if (t != null) {
            net.compile(t.optimizer().create(), t.loss(), t.metrics().toArray(Metric[]::new));
        }
        return new Model(spec, net);
    }

    /** Trains on {@code x}, {@code y} with the spec's fit options. */
    public History fit(Tensor x, Tensor y) {
        return fit(Examples.of(x, y), f -> { });
    }

    /** Trains on {@code x}, {@code y} for {@code epochs} epochs, the spec's other fit options unchanged. */
    public History fit(Tensor x, Tensor y, int epochs) {
        return fit(Examples.of(x, y), f -> f.epochs(epochs));
    }

    /**
     * Trains on {@code x}, {@code y} with the spec's fit options changed for this run, e.g.
     * {@code model.fit(x, y, f -> f.epochs(500).verbose(0).validationData(xv, yv))}.
     */
    public History fit(Tensor x, Tensor y, Consumer<FitOptions.Builder> options) {
        return fit(Examples.of(x, y), options);
    }

    /**
     * Trains on {@code data} (in-memory tensors, image files kept as bytes, …) with the spec's fit
     * options, e.g. {@code model.fit(MnistDataset.builtin().train())}.
     */
    public History fit(Examples data) {
        return fit(data, f -> { });
    }

    /** Trains on {@code data} for {@code epochs} epochs, the spec's other fit options unchanged. */
    public History fit(Examples data, int epochs) {
        return fit(data, f -> f.epochs(epochs));
    }

    /**
     * Trains on {@code data} with the spec's fit options changed for this run: epochs, batch size,
     * verbosity, validation data, callbacks that are code, the output stream, ….
     *
     * @throws IllegalStateException if the spec has no training configuration
     * @throws IllegalArgumentException if an option is out of range, or the data do not fit the
     *     model (nn-core's message names the row and value)
     */
    public History fit(Examples data, Consumer<FitOptions.Builder> options) {
        return net.fit(data, runOptions("fit", options));
    }

    /** The loss and metrics on {@code x}, {@code y} in inference mode, keyed as Keras keys them. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(Examples.of(x, y), f -> { });
    }

    /**
     * The loss and metrics on {@code examples} in inference mode, in the spec's batch size and
     * verbosity: like Keras's {@code evaluate}, a progress line unless the spec is silent.
     */
    public Map<String, Double> evaluate(Examples examples) {
        return evaluate(examples, f -> { });
    }

    /**
     * The loss and metrics on {@code examples}, with the batch size, verbosity or output changed for
     * this call, e.g. {@code model.evaluate(test, f -> f.batchSize(256).verbose(0))}.
     */
    public Map<String, Double> evaluate(Examples examples, Consumer<FitOptions.Builder> options) {
        return net.evaluate(examples, runOptions("evaluate", options));
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

    /** The nn-core model, for what this wrapper does not offer (gradients, layers, weights in place). */
    public Sequential sequential() {
        return net;
    }

    /** Copies of the weights in Keras order. */
    public List<Tensor> getWeights() {
        return net.getWeights();
    }

    /**
     * Saves spec, weights and the optimizer's state to a {@code .nnlab} file, atomically.
     *
     * @throws IllegalArgumentException if the file name does not end in {@value ModelFile#EXTENSION}
     */
    public void save(Path file) throws IOException {
        save(file, true);
    }

    /**
     * Saves spec and weights, and the optimizer's state if {@code withOptimizer}, atomically.
     *
     * @throws IllegalArgumentException if the file name does not end in {@value ModelFile#EXTENSION}
     */
    public void save(Path file, boolean withOptimizer) throws IOException {
        String fileName = String.valueOf(file.getFileName());
        if (!fileName.endsWith(ModelFile.EXTENSION)) {
            throw new IllegalArgumentException("A model file's name ends in " + ModelFile.EXTENSION + ", as Keras's end"
                    + " in .keras, but got " + file + ". Hint: save to "
                    + fileName.replaceFirst("\\.[^.]*$", "") + ModelFile.EXTENSION + " (a ZIP of spec, weights and"
                    + " optimizer state); for the spec alone as JSON use SpecJson.write(model.spec(), path).");
        }
        List<String> names = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            names.add(p.name());
        }
        Optimizer<?> opt = net.optimizer();
        Optimizer.Snapshot state = withOptimizer && opt != null ? opt.snapshot(net.parameters()) : null;
        List<ReduceLROnPlateau.State> counters = new ArrayList<>();
        for (Callback c : callbacks) {
            counters.add(c instanceof ReduceLROnPlateau r ? r.state() : null);
        }
        ModelFile.write(new ModelArchive(spec, names, net.getWeights(), state, state == null ? null : net.progress(),
                state == null ? List.of() : counters), file);
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
            for (int i = 0; i < a.callbackStates().size(); i++) {
                if (a.callbackStates().get(i) != null) {
                    ((ReduceLROnPlateau) m.callbacks.get(i)).restore(a.callbackStates().get(i));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "does not fit its own spec: " + e.getMessage(), e);
        }
        return m;
    }

    /** The spec's fit options with this run's changes. */
    private FitOptions runOptions(String operation, Consumer<FitOptions.Builder> options) {
        if (spec.training() == null) {
            throw new IllegalStateException("Cannot " + operation + " model '" + spec.name() + "': it has no training"
                    + " configuration. Hint: add .compile(optimizer, loss, metrics) after the layers in the DSL.");
        }
        FitOptions.Builder b = spec.training().fit().withCallbacks(callbacks).toBuilder();
        options.accept(b);
        return b.build();
    }
}
