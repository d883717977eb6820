package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nnlab.core.layer.BatchNormalization;

/**
 * Batch normalization over the last axis, like Keras's {@code BatchNormalization}.
 *
 * <p>Each of the {@code features} inputs is standardized with the batch's mean and variance while
 * training and with moving averages at inference, then scaled by γ and shifted by β. It holds
 * 4 × features values: γ and β are trainable; the moving mean and variance are not. Each step the
 * moving averages keep {@code momentum} of their old value and take 1 − momentum of the batch's.
 *
 * @param momentum in (0, 1); Keras's default is {@value #DEFAULT_MOMENTUM}
 * @param epsilon added to the variance before the square root, &gt; 0; Keras's default is {@value #DEFAULT_EPSILON}
 * @param name null for the automatic name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchNormSpec(
        @JsonProperty(value = "momentum", required = true) double momentum,
        @JsonProperty(value = "epsilon", required = true) double epsilon,
        @JsonProperty("name") String name) implements LayerSpec {

    /** Keras's default momentum of the moving statistics. */
    public static final double DEFAULT_MOMENTUM = BatchNormalization.DEFAULT_MOMENTUM;
    /** Keras's default epsilon. */
    public static final double DEFAULT_EPSILON = BatchNormalization.DEFAULT_EPSILON;

    /**
     * @throws IllegalArgumentException if momentum is outside (0, 1) or epsilon ≤ 0
     */
    public BatchNormSpec {
        Bounds.openUnit("BatchNormalization momentum", momentum, "momentum is the share of the moving mean"
                + " and variance kept at each step; Keras uses " + DEFAULT_MOMENTUM + ", and 0.9 adapts faster.");
        Bounds.positive("BatchNormalization epsilon", epsilon, "epsilon keeps the division away from zero;"
                + " Keras uses " + DEFAULT_EPSILON + ".");
        Bounds.layerName(name);
    }

    /** Keras's defaults: momentum {@value #DEFAULT_MOMENTUM}, epsilon {@value #DEFAULT_EPSILON}. */
    public static BatchNormSpec defaults() {
        return new BatchNormSpec(DEFAULT_MOMENTUM, DEFAULT_EPSILON, null);
    }

    @Override
    public String typeName() {
        return "BatchNormalization";
    }

    @Override
    public String namePrefix() {
        return "batch_normalization";
    }

    @Override
    public Shape outputShape(Shape input, String where) {
        return input;
    }

    /** Keras's layer with γ and β both on (center and scale). */
    @Override
    public BatchNormalization toLayer(String name) {
        return new BatchNormalization(name, momentum, epsilon, true, true);
    }

    /** γ and β: 2 × features. */
    @Override
    public long trainableParams(Shape input) {
        return 2L * input.last();
    }

    /** The moving mean and variance: 2 × features. */
    @Override
    public long nonTrainableParams(Shape input) {
        return 2L * input.last();
    }
}
