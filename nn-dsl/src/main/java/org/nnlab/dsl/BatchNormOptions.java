package org.nnlab.dsl;

import org.nnlab.dsl.spec.BatchNormSpec;

/**
 * The options of one batch-normalization layer, set inside {@code .batchNormalization(b -> b.momentum(0.9))}.
 *
 * <p>Starts from Keras's defaults: momentum {@value BatchNormSpec#DEFAULT_MOMENTUM}, epsilon
 * {@value BatchNormSpec#DEFAULT_EPSILON}, an automatic name.
 */
public final class BatchNormOptions {
    private double momentum = BatchNormSpec.DEFAULT_MOMENTUM;
    private double epsilon = BatchNormSpec.DEFAULT_EPSILON;
    private String name;

    BatchNormOptions() {
    }

    /** The share of the moving statistics kept each step, in (0, 1). */
    public BatchNormOptions momentum(double momentum) {
        this.momentum = momentum;
        return this;
    }

    /** Added to the variance before its square root, &gt; 0. */
    public BatchNormOptions epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    /** The layer's name instead of the automatic one. */
    public BatchNormOptions name(String name) {
        this.name = name;
        return this;
    }

    String name() {
        return name;
    }

    BatchNormSpec toSpec() {
        return new BatchNormSpec(momentum, epsilon, name);
    }
}
