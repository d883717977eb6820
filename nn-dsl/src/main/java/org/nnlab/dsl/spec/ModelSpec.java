package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.train.ModelSummary;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.Sequential;

/**
 * A whole sequential model as an immutable value: input shape, layers, optional training
 * configuration, the seed, and a name.
 *
 * <p>The layers are nn-core's own {@link LayerConfig}s, the optimizer an nn-core
 * {@code OptimizerConfig}, the loss an nn-core {@code Loss}, and the fit options nn-core's
 * {@code FitOptions}: the DSL adds no rule of its own. The constructor applies core's rules to the
 * whole model, with core's messages: the model's name and input shape, every layer fitting the
 * shape before it, Keras's naming, and a training configuration that suits the output layer. So a
 * {@code ModelSpec} that exists is one that nn-core builds and trains; {@link #summary()} prints it
 * as Keras would, before any weight exists. The seed fixes initial weights, shuffling and dropout
 * masks, so the same spec trains to the same weights. The precision is the one the model computes
 * in, float32 unless chosen, as Keras's {@code floatx}.
 *
 * @param name the model's name in summaries; Keras's default is {@value #DEFAULT_NAME}
 * @param training null for a model that is only built, not trained
 * @param seed default {@value #DEFAULT_SEED}
 * @param precision JSON {@code "float32"} or {@code "float64"}; a format-1 document, written before
 *     nnlab had float32, is float64
 */
@JsonPropertyOrder({"format", "name", "seed", "precision", "input_shape", "layers", "training"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        @JsonProperty("name") String name,
        @JsonProperty("input_shape") Shape inputShape,
        @JsonProperty("layers") List<LayerConfig> layers,
        @JsonProperty("training") TrainingSpec training,
        @JsonProperty("seed") long seed,
        @JsonProperty("precision") Precision precision) {

    /** The version of the JSON format this code writes; it reads this one and {@value #FLOAT64_FORMAT}. */
    public static final int FORMAT = 2;
    /** The format before {@code precision} existed, when every model computed in float64. */
    public static final int FLOAT64_FORMAT = 1;
    /** Keras's default model name. */
    public static final String DEFAULT_NAME = "sequential";
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    /**
     * @throws IllegalArgumentException at the first layer that does not fit, or if the training
     *     configuration does not suit the model
     */
    public ModelSpec {
        Sequential.checkName(name);
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(precision, "precision");
        layers = List.copyOf(layers);
        Sequential.checkHasLayers(name, layers.size());
        LayerTable table = LayerTable.of(inputShape, layers);
        if (training != null) {
            training.check(table);
        }
    }

    /** A spec in {@link Precision#DEFAULT} (float32). */
    public ModelSpec(String name, Shape inputShape, List<LayerConfig> layers, TrainingSpec training, long seed) {
        this(name, inputShape, layers, training, seed, Precision.DEFAULT);
    }

    @JsonCreator
    static ModelSpec fromJson(
            @JsonProperty(value = "format", required = true) int format,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "seed", required = true) long seed,
            @JsonProperty("precision") Precision precision,
            @JsonProperty(value = "input_shape", required = true) Shape inputShape,
            @JsonProperty(value = "layers", required = true) List<LayerConfig> layers,
            @JsonProperty("training") TrainingSpec training) {
        if (format != FORMAT && format != FLOAT64_FORMAT) {
            throw new IllegalArgumentException("Model format " + format + " is not supported; this nnlab reads"
                    + " formats " + FLOAT64_FORMAT + " and " + FORMAT + ". Hint: the file was written by "
                    + (format > FORMAT ? "a newer" : "an older") + " nnlab; convert it with that version or re-export"
                    + " the model.");
        }
        if (format == FLOAT64_FORMAT && precision != null) {
            throw new IllegalArgumentException("A format " + FLOAT64_FORMAT + " model has no 'precision' (it computes in"
                    + " float64). Hint: write \"format\": " + FORMAT + " to choose a precision.");
        }
        Precision p = precision != null ? precision : format == FLOAT64_FORMAT ? Precision.FLOAT64 : Precision.DEFAULT;
        return new ModelSpec(name, inputShape, layers, training, seed, p);
    }

    /** The JSON format version, always {@value #FORMAT}; written as the first field. */
    @JsonProperty("format")
    public int format() {
        return FORMAT;
    }

    /**
     * Checks layers against an input shape by core's rules, as a model's constructor would, before
     * the model is complete (the DSL checks each call this way).
     *
     * @throws IllegalArgumentException at the first layer that does not fit, naming it
     */
    public static void checkLayers(Shape inputShape, List<LayerConfig> layers) {
        LayerTable.of(inputShape, layers);
    }

    /**
     * Checks one more layer against the output shape of the layers before it, by the rule
     * {@link #checkLayers} applies to each layer, and returns its output shape: a builder that keeps
     * the shape so far checks each call in time independent of the model's depth.
     *
     * @param index the new layer's 0-based position
     * @param stack supplies every layer, the new one last; called only to name the layer in an error
     * @throws IllegalArgumentException if the layer does not fit, with the message checkLayers gives
     */
    public static int[] checkNextLayer(int[] shapeBefore, LayerConfig layer, int index,
                                       Supplier<List<LayerConfig>> stack) {
        return LayerTable.outputShape(layer, shapeBefore, index, i -> LayerTable.names(stack.get()).get(i));
    }

    LayerTable table() {
        return LayerTable.of(inputShape, layers);
    }

    /** The total number of parameters, trainable or not ({@code Long.MAX_VALUE} if more). */
    public long parameterCount() {
        return table().totalParams();
    }

    /** The number of parameters an optimizer updates ({@code Long.MAX_VALUE} if more). */
    public long trainableParameterCount() {
        return table().trainableParams();
    }

    /**
     * Keras's summary table of this model, from the specs alone, in the layout of
     * {@link ModelSummary} (the same table a compiled model prints).
     */
    public String summary() {
        LayerTable table = table();
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (LayerRow r : table.rows()) {
            rows.add(new ModelSummary.Row(r.name(), r.config().typeName(), r.outputShape().toString(),
                    r.trainableParams() + r.nonTrainableParams(), ModelSummary.penalties(r.config())));
        }
        return ModelSummary.render(name, rows, table.totalParams(), table.trainableParams(), precision);
    }

    /** A copy with another training configuration (null for none), validated against the layers. */
    public ModelSpec withTraining(TrainingSpec training) {
        return new ModelSpec(name, inputShape, layers, training, seed, precision);
    }

    /** A copy with another seed. */
    public ModelSpec withSeed(long seed) {
        return new ModelSpec(name, inputShape, layers, training, seed, precision);
    }

    /** A copy that computes in another precision. */
    public ModelSpec withPrecision(Precision precision) {
        return new ModelSpec(name, inputShape, layers, training, seed, precision);
    }
}
