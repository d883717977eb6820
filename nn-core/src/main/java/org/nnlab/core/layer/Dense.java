package org.nnlab.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.internal.Products;
import org.nnlab.core.tensor.Tensor;

/**
 * A fully connected layer: y = f(x·W + b).
 *
 * <p>The kernel W has shape {@code (in, units)} (Keras's layout) and starts Glorot-uniform; the
 * bias b has shape {@code (units)} and starts at zero. The activation f is applied inside the layer,
 * as in Keras's {@code Dense(units, activation=...)}; the default is {@link Activation#LINEAR}.
 * The input must be flat, {@code (batch, in)}: put a {@link Flatten} before it for images.
 */
public final class Dense extends AbstractLayer implements FusableOutput {
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;

    private Parameter kernel;
    private Parameter bias;
    private int in;

    // Kept by forward for backward: x (inside the products' workspace), z = x·W + b and y = f(z).
    private final Products products = new Products();
    private Tensor preActivation;
    private Tensor output;
    // Reused buffers, reallocated only when the batch size changes.
    private Tensor gradPre;
    private Tensor gradInput;

    /** A dense layer with {@code units} outputs, the given activation, a bias, and Keras's initializers. */
    public Dense(int units, Activation activation) {
        this(null, units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    /**
     * A dense layer with every option.
     *
     * @param name null to let the model name it ({@code dense}, {@code dense_1}, …)
     * @throws IllegalArgumentException if {@code units <= 0}
     */
    public Dense(String name, int units, Activation activation, boolean useBias,
                 Initializer kernelInitializer, Initializer biasInitializer) {
        super(name);
        if (units <= 0) {
            throw new IllegalArgumentException("Dense units (" + units + ") must be > 0"
                    + (name == null ? "" : " in layer '" + name + "'")
                    + ". Hint: units is the number of neurons, e.g. 100 for a hidden layer or 10 for ten classes.");
        }
        this.units = units;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.useBias = useBias;
        this.kernelInitializer = Objects.requireNonNull(kernelInitializer, "kernelInitializer");
        this.biasInitializer = Objects.requireNonNull(biasInitializer, "biasInitializer");
    }

    /** A Dense layer takes one flat row per example. */
    @Override
    protected String inputHint(Tensor input) {
        return input.rank() != 2 ? "Dense takes one flat row per example: did you forget a Flatten layer before it?"
                : super.inputHint(input);
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException(describe() + " expects a flat input (features) but got shape "
                    + Tensor.describeShape(inputShape) + ". Did you forget a Flatten layer before it?");
        }
        in = inputShape[0];
        Tensor w = Tensor.zeros(in, units);
        kernelInitializer.fill(w.data(), in, units, rng);
        kernel = new Parameter(name() + "/kernel", w, true);
        if (useBias) {
            Tensor b = Tensor.zeros(units);
            biasInitializer.fill(b.data(), in, units, rng);
            bias = new Parameter(name() + "/bias", b, true);
        }
        return new int[] {units};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        // x:(batch,in) W:(in,units) → y:(batch,units);  z = x·W + b, y = f(z)
        checkInput(x);
        int batch = x.rows();
        if (output == null || output.rows() != batch) {
            output = Tensor.zeros(batch, units);
            preActivation = Tensor.zeros(batch, units);
        }
        double[] z = preActivation.data();
        products.xW(x.data(), batch, in, kernel.value().data(), units, z);
        if (useBias) {
            double[] b = bias.value().data();
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < units; j++) {
                    z[r * units + j] += b[j];
                }
            }
        }
        activation.apply(z, output.data(), batch, units);
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return backwardFromPreActivation(throughActivation(gradOutput), true);
    }

    @Override
    public void backwardParametersOnly(Tensor gradOutput) {
        backwardFromPreActivation(throughActivation(gradOutput), false);
    }

    /** dz = dy ⊙ f'(z), written with y = f(z). */
    private Tensor throughActivation(Tensor gradOutput) {
        requireForward();
        requireGradientShape(output, gradOutput);
        int batch = output.rows();
        if (gradPre == null || gradPre.rows() != batch) {
            gradPre = Tensor.zeros(batch, units);
        }
        activation.backward(output.data(), gradOutput.data(), gradPre.data(), batch, units);
        return gradPre;
    }

    @Override
    public Tensor backwardFromPreActivation(Tensor dz, boolean needInputGradient) {
        // x:(batch,in) dz:(batch,units);  dW += xᵀ·dz, db += Σ_batch dz, dx = dz·Wᵀ
        requireForward();
        requireGradientShape(output, dz);
        int batch = output.rows();
        products.xTdz(dz.data(), units, kernel.grad().data());
        if (useBias) {
            double[] db = bias.grad().data();
            double[] d = dz.data();
            for (int r = 0; r < batch; r++) {
                for (int j = 0; j < units; j++) {
                    db[j] += d[r * units + j];
                }
            }
        }
        if (!needInputGradient) {
            return null;
        }
        if (gradInput == null || gradInput.rows() != batch) {
            gradInput = Tensor.zeros(batch, in);
        }
        Products.dzWt(dz.data(), kernel.value().data(), gradInput.data(), batch, units, in);
        return gradInput;
    }

    @Override
    public List<Parameter> parameters() {
        requireBuilt("parameters");
        List<Parameter> ps = new ArrayList<>(2);
        ps.add(kernel);
        if (useBias) {
            ps.add(bias);
        }
        return List.copyOf(ps);
    }

    /** The number of neurons. */
    public int units() {
        return units;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** z = x·W + b of the last forward pass. */
    @Override
    public Tensor preActivation() {
        requireForward();
        return preActivation;
    }

    /** Whether the layer adds a bias. */
    public boolean useBias() {
        return useBias;
    }

    /** The kernel's initializer. */
    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    /** The bias's initializer. */
    public Initializer biasInitializer() {
        return biasInitializer;
    }

    /** The kernel W, shape {@code (in, units)}; only after build. */
    public Parameter kernel() {
        requireBuilt("kernel");
        return kernel;
    }

    /** The bias b, shape {@code (units)}; only after build and only if {@link #useBias()}. */
    public Parameter bias() {
        requireBuilt("bias");
        if (!useBias) {
            throw new IllegalStateException(describe() + " has no bias (it was created with useBias = false)");
        }
        return bias;
    }

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation.kerasName() + (useBias ? "" : ", no bias") + ")"
                + (isBuilt() ? " on " + Arrays.toString(inputShape()) : "");
    }
}
