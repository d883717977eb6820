package org.nnlab.dsl;

import java.util.Objects;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.dsl.spec.DenseSpec;

/**
 * The options of one dense layer, set inside {@code .dense(units, d -> d.noBias())}.
 *
 * <p>Starts from Keras's defaults (linear activation unless the call gave one, a bias, a
 * Glorot-uniform kernel, a zero bias, an automatic name). Each setter returns this options object
 * so settings chain: {@code d -> d.noBias().kernelInitializer(HE_NORMAL)}.
 */
public final class DenseOptions {
    private Activation activation;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;
    private String name;

    DenseOptions(Activation activation) {
        this.activation = activation;
    }

    /** The activation applied to x·W + b. */
    public DenseOptions activation(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        return this;
    }

    /** No bias: y = f(x·W), as the lecture's ReLU regressors' output layer. */
    public DenseOptions noBias() {
        this.useBias = false;
        return this;
    }

    /** How the kernel W starts; Glorot uniform by default. */
    public DenseOptions kernelInitializer(Initializer init) {
        this.kernelInitializer = Objects.requireNonNull(init, "kernelInitializer");
        return this;
    }

    /** How the bias b starts; zeros by default. */
    public DenseOptions biasInitializer(Initializer init) {
        this.biasInitializer = Objects.requireNonNull(init, "biasInitializer");
        return this;
    }

    /** The layer's name instead of the automatic one. */
    public DenseOptions name(String name) {
        this.name = name;
        return this;
    }

    String name() {
        return name;
    }

    DenseSpec toSpec(int units) {
        return new DenseSpec(units, activation, useBias, kernelInitializer, biasInitializer, name);
    }
}
