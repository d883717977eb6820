package org.nnlab.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.internal.Products;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Tensor;

/**
 * A fully connected layer: y = f(x·W + b).
 *
 * <p>The kernel W has shape {@code (in, units)} (Keras's layout) and starts Glorot-uniform; the
 * bias b has shape {@code (units)} and starts at zero. The activation f is applied inside the layer,
 * as in Keras's {@code Dense(units, activation=...)}; the default is {@link Activation#LINEAR}.
 * The input must be flat, {@code (batch, in)}: put a {@link Flatten} before it for images.
 * Penalties on W and b ({@code kernelRegularizer}, {@code biasRegularizer}, as Keras names them)
 * ride on the parameters; the training loop adds them to the loss. A penalty on the output y
 * ({@code activityRegularizer}) is the layer's own: {@link #activityPenalty()} measures it on the
 * last forward pass and backward adds its gradient to ∂L/∂y.
 */
public final class Dense extends AbstractLayer implements FusableOutput {
    private static final String KERNEL = "kernel";
    private static final String BIAS = "bias";
    private final int units;
    private final Activation activation;
    private final boolean useBias;
    private final Initializer kernelInitializer;
    private final Initializer biasInitializer;
    private final Regularizer kernelRegularizer;
    private final Regularizer biasRegularizer;
    private final Regularizer activityRegularizer;

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
    // The activity penalty's ∂/∂y (plus ∂L/∂y when unfused) and its share of ∂L/∂z; only with an activity regularizer.
    private Tensor activityGrad;
    private Tensor penaltyGradPre;

    /** A dense layer with {@code units} outputs, the given activation, a bias, and Keras's initializers. */
    public Dense(int units, Activation activation) {
        this(Config.of(units, activation));
    }

    /**
     * A dense layer with every option.
     *
     * @param name null to let the model name it ({@code dense}, {@code dense_1}, …)
     * @throws IllegalArgumentException if {@code units <= 0} or the name is malformed
     */
    public Dense(String name, int units, Activation activation, boolean useBias,
                 Initializer kernelInitializer, Initializer biasInitializer) {
        this(new Config(units, activation, useBias, kernelInitializer, biasInitializer, null, null, null, name));
    }

    /** A dense layer with the options of {@code config}. */
    public Dense(Config config) {
        super(config.name());
        this.units = config.units();
        this.activation = config.activation();
        this.useBias = config.useBias();
        this.kernelInitializer = config.kernelInitializer();
        this.biasInitializer = config.biasInitializer();
        this.kernelRegularizer = config.kernelRegularizer();
        this.biasRegularizer = config.biasRegularizer();
        this.activityRegularizer = config.activityRegularizer();
    }

    /**
     * A dense layer's options, validated: Keras's {@code Dense(units, activation, use_bias,
     * kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer, activity_regularizer, name)}.
     *
     * @param units the number of neurons, &gt; 0
     * @param useBias whether to add a bias b
     * @param kernelInitializer how W starts; Keras's default is Glorot uniform
     * @param biasInitializer how b starts; Keras's default is zeros
     * @param kernelRegularizer the penalty on W added to the loss; null for none, Keras's default
     * @param biasRegularizer the penalty on b added to the loss; null for none, Keras's default
     * @param activityRegularizer the penalty on the output y = f(z), after the activation, added to
     *     the loss of every batch; null for none, Keras's default. The rule is Keras 3's since 3.14
     *     (the layer's {@code __call__} computes {@code activity_regularizer(output)} and adds it with
     *     {@code add_loss} divided by the batch size, keras-team/keras#22021): R(y) of the whole
     *     batch's outputs divided by the number of examples, so its strength does not depend on the
     *     batch size, as in tf.keras 2. Keras 3.0 to 3.13 added R(y) undivided, which made
     *     {@code L2(1e-5)} on a batch of 32 weigh 32 times as much as on one example; nnlab follows the
     *     current rule. It counts in training, in validation and in {@code evaluate}, as Keras's
     *     {@code compute_loss} adds {@code model.losses} in all three.
     * @param name null to let the model name it
     */
    public record Config(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                         Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                         Regularizer activityRegularizer, String name) implements LayerConfig {

        /**
         * @throws IllegalArgumentException if {@code units <= 0}, the name is malformed, or a bias
         *     regularizer is given to a layer without bias
         */
        public Config {
            Checks.atLeast("Dense units", units, 1,
                    "units is the number of neurons, e.g. 100 for a hidden layer or 10 for ten classes.");
            Objects.requireNonNull(activation, "activation");
            Objects.requireNonNull(kernelInitializer, "kernelInitializer");
            Objects.requireNonNull(biasInitializer, "biasInitializer");
            if (biasRegularizer != null && !useBias) {
                throw new IllegalArgumentException("Dense biasRegularizer " + biasRegularizer + " has no bias to"
                        + " penalize: useBias is false. Hint: drop the bias regularizer, or keep the bias.");
            }
            LayerNames.checkName(name);
        }

        /** Without regularizers: Keras's {@code Dense(units, activation, use_bias, kernel_initializer, bias_initializer, name)}. */
        public Config(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                      Initializer biasInitializer, String name) {
            this(units, activation, useBias, kernelInitializer, biasInitializer, null, null, null, name);
        }

        /** Keras's {@code Dense(units, activation)}: a bias, a Glorot-uniform kernel, a zero bias, an automatic name. */
        public static Config of(int units, Activation activation) {
            return new Config(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null);
        }

        /** A copy with another activation. */
        public Config activation(Activation value) {
            return new Config(units, value, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                    biasRegularizer, activityRegularizer, name);
        }

        /** A copy without bias: y = f(x·W), as the lecture's ReLU regressors' output layer. */
        public Config noBias() {
            return new Config(units, activation, false, kernelInitializer, biasInitializer, kernelRegularizer,
                    biasRegularizer, activityRegularizer, name);
        }

        /** A copy whose kernel starts from {@code value}. */
        public Config kernelInitializer(Initializer value) {
            return new Config(units, activation, useBias, value, biasInitializer, kernelRegularizer, biasRegularizer,
                    activityRegularizer, name);
        }

        /** A copy whose bias starts from {@code value}. */
        public Config biasInitializer(Initializer value) {
            return new Config(units, activation, useBias, kernelInitializer, value, kernelRegularizer, biasRegularizer,
                    activityRegularizer, name);
        }

        /** A copy whose kernel W is penalized by {@code value} (null for none), e.g. {@code new L2(0.01)}. */
        public Config kernelRegularizer(Regularizer value) {
            return new Config(units, activation, useBias, kernelInitializer, biasInitializer, value, biasRegularizer,
                    activityRegularizer, name);
        }

        /** A copy whose bias b is penalized by {@code value} (null for none). */
        public Config biasRegularizer(Regularizer value) {
            return new Config(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer, value,
                    activityRegularizer, name);
        }

        /**
         * A copy whose output y is penalized by {@code value} (null for none), Keras's
         * {@code activity_regularizer}, e.g. {@code new L2(1e-5)}: the penalty of the batch's outputs
         * divided by the batch size, as Keras 3.14+ and tf.keras 2 compute it (Keras 3.0–3.13 did not divide).
         */
        public Config activityRegularizer(Regularizer value) {
            return new Config(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                    biasRegularizer, value, name);
        }

        /** A copy with the layer's own name, null for an automatic one. */
        public Config named(String value) {
            return new Config(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                    biasRegularizer, activityRegularizer, value);
        }

        /** {@code kernel}, and {@code bias} when the layer has one. */
        @Override
        public List<String> weightNames() {
            return useBias ? List.of(KERNEL, BIAS) : List.of(KERNEL);
        }

        @Override
        public Map<String, Regularizer> regularizers() {
            Map<String, Regularizer> r = new LinkedHashMap<>();
            if (kernelRegularizer != null) {
                r.put(KERNEL, kernelRegularizer);
            }
            if (biasRegularizer != null) {
                r.put(BIAS, biasRegularizer);
            }
            return r;
        }

        @Override
        public Optional<Regularizer> activityRegularization() {
            return Optional.ofNullable(activityRegularizer);
        }

        @Override
        public String typeName() {
            return "Dense";
        }

        @Override
        public int[] outputShape(int[] inputShape) {
            if (inputShape.length != 1) {
                throw new IllegalArgumentException("Dense expects a flat input (features) but got shape "
                        + Tensor.describeShape(inputShape) + ". Did you forget a Flatten layer before it? It turns "
                        + Tensor.describeShape(inputShape) + " into (None, " + Tensor.sizeOf(inputShape) + ").");
            }
            return new int[] {units};
        }

        @Override
        public long trainableParameters(int[] inputShape) {
            return (long) inputShape[inputShape.length - 1] * units + (useBias ? units : 0);
        }

        @Override
        public Activation activationAfter(Activation input) {
            return activation;
        }

        @Override
        public Dense create() {
            return new Dense(this);
        }
    }

    @Override
    public Optional<LayerConfig> config() {
        return Optional.of(new Config(units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer,
                biasRegularizer, activityRegularizer, name()));
    }

    /** A Dense layer takes one flat row per example. */
    @Override
    protected String inputHint(Tensor input) {
        return input.rank() != 2 ? "Dense takes one flat row per example: did you forget a Flatten layer before it?"
                : super.inputHint(input);
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        int[] out = config().orElseThrow().outputShape(inputShape);
        in = inputShape[0];
        kernel = new Parameter(name() + "/" + KERNEL, kernelInitializer.create(precision(), in, units, rng, in, units),
                true, kernelRegularizer);
        if (useBias) {
            bias = new Parameter(name() + "/" + BIAS, biasInitializer.create(precision(), in, units, rng, units),
                    true, biasRegularizer);
        }
        return out;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        // x:(batch,in) W:(in,units) → y:(batch,units);  z = x·W + b, y = f(z)
        Tensor x = checkInput(input);
        int batch = x.rows();
        if (output == null || output.rows() != batch) {
            output = zeros(batch, units);
            preActivation = zeros(batch, units);
        }
        // Inference lists no nonzeros: only the weight gradient needs them (Products.xW).
        products.xW(x, kernel.value(), useBias ? bias.value() : null, preActivation, training);
        activation.apply(preActivation, output, batch, units);
        return output;
    }

    /**
     * The activity regularizer's penalty R(y) on the output y of the last forward pass, divided by
     * the batch size (Keras 3's rule, see {@link Config#activityRegularizer()}); 0 without one.
     *
     * @throws IllegalStateException before the first forward pass
     */
    @Override
    public double activityPenalty() {
        if (activityRegularizer == null) {
            return 0;
        }
        if (output == null) {
            throw new IllegalStateException(describe() + " has no output to penalize yet: its activity regularizer "
                    + activityRegularizer + " measures the output of the last forward pass. Hint: call forward first.");
        }
        return activityRegularizer.penalty(output) / output.rows();
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        return fromPreActivation(throughActivation(gradOutput), true);
    }

    @Override
    public void backwardParametersOnly(Tensor gradOutput) {
        fromPreActivation(throughActivation(gradOutput), false);
    }

    /** dz = (dy + ∂(R/batch)/∂y) ⊙ f'(z), written with y = f(z); R is the activity penalty, if any. */
    private Tensor throughActivation(Tensor gradOutput) {
        requireForward();
        Tensor dy = requireGradientShape(output, gradOutput);
        int batch = output.rows();
        if (gradPre == null || gradPre.rows() != batch) {
            gradPre = zeros(batch, units);
        }
        if (activityRegularizer != null) {
            // Into a buffer of our own: the incoming gradient belongs to the next layer or the loss.
            Tensor withPenalty = activityGradient();
            withPenalty.add(dy);
            dy = withPenalty;
        }
        activation.backward(output, dy, gradPre, batch, units);
        return gradPre;
    }

    /**
     * The backward pass from ∂L/∂z of the data loss, as a fused loss hands it over; with an activity
     * regularizer its share ∂(R/batch)/∂z = f'(z)ᵀ·∂(R/batch)/∂y is added first, so the fused head
     * trains on the same objective as the unfused one.
     */
    @Override
    public Tensor backwardFromPreActivation(Tensor gradPreActivation, boolean needInputGradient) {
        requireForward();
        Tensor dz = requireGradientShape(output, gradPreActivation);
        if (activityRegularizer != null) {
            int batch = output.rows();
            if (penaltyGradPre == null || penaltyGradPre.rows() != batch) {
                penaltyGradPre = zeros(batch, units);
            }
            // The penalty's ∂/∂y alone, through the activation's derivative, then plus the loss's ∂L/∂z.
            activation.backward(output, activityGradient(), penaltyGradPre, batch, units);
            penaltyGradPre.add(dz);
            dz = penaltyGradPre;
        }
        return fromPreActivation(dz, needInputGradient);
    }

    /** ∂(R(y)/batch)/∂y of the last forward pass, in a buffer reused from batch to batch. */
    private Tensor activityGradient() {
        int batch = output.rows();
        if (activityGrad == null || activityGrad.rows() != batch) {
            activityGrad = zeros(batch, units);
        }
        activityGrad.fillZero();
        activityRegularizer.addGradient(output, activityGrad);
        activityGrad.scale(1.0 / batch);
        return activityGrad;
    }

    private Tensor fromPreActivation(Tensor dz, boolean needInputGradient) {
        // x:(batch,in) dz:(batch,units);  dW += xᵀ·dz, db += Σ_batch dz, dx = dz·Wᵀ
        products.xTdz(dz, kernel.grad(), useBias ? bias.grad() : null);
        if (!needInputGradient) {
            return null;
        }
        int batch = output.rows();
        if (gradInput == null || gradInput.rows() != batch) {
            gradInput = zeros(batch, in);
        }
        Products.dzWt(dz, kernel.value(), gradInput);
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

    /** The penalty on the layer's output, if it has one. */
    public Optional<Regularizer> activityRegularizer() {
        return Optional.ofNullable(activityRegularizer);
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
