package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nnlab.core.layer.Layer;

/**
 * One layer of a sequential model, as an immutable value: what to build, not the built layer.
 *
 * <p>A spec knows the rule for its output shape and its parameter count given its input shape,
 * so a whole model can be checked and summarized without creating any weights. The family is
 * closed: dense, activation, flatten, dropout and batch normalization. In JSON the kind is the
 * {@code "type"} field ({@code "dense"}, {@code "activation"}, {@code "flatten"}, {@code "dropout"},
 * {@code "batch_normalization"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DenseSpec.class, name = "dense"),
    @JsonSubTypes.Type(value = ActivationSpec.class, name = "activation"),
    @JsonSubTypes.Type(value = FlattenSpec.class, name = "flatten"),
    @JsonSubTypes.Type(value = DropoutSpec.class, name = "dropout"),
    @JsonSubTypes.Type(value = BatchNormSpec.class, name = "batch_normalization")
})
public sealed interface LayerSpec permits DenseSpec, ActivationSpec, FlattenSpec, DropoutSpec, BatchNormSpec {

    /** The name the user gave, or null for Keras's automatic name ({@code dense}, {@code dense_1}, …). */
    String name();

    /** The kind as Keras prints it in a summary, e.g. {@code "Dense"}. */
    String typeName();

    /** The stem of automatic names, e.g. {@code "dense"} or {@code "batch_normalization"}. */
    String namePrefix();

    /**
     * The shape this layer outputs for {@code input}.
     *
     * @param where the layer's place for messages, e.g. {@code "Dense layer 2 (dense_1)"}
     * @throws IllegalArgumentException if the layer cannot take {@code input}, saying why and how to fix it
     */
    Shape outputShape(Shape input, String where);

    /** The number of values the optimizer updates, for input shape {@code input}. */
    long trainableParams(Shape input);

    /** A new, unbuilt nn-core layer with this spec's settings, named {@code name}. */
    Layer toLayer(String name);

    /** The number of values kept but never updated by the optimizer (moving statistics). */
    default long nonTrainableParams(Shape input) {
        return 0;
    }
}
