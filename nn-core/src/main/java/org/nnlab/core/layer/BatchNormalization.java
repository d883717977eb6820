package org.nnlab.core.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.regularizer.Regularizer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Normalizes each feature over the batch, then scales and shifts it (Ioffe and Szegedy, 2015).
 *
 * <p>For a {@code (batch, features)} input, feature j is normalized as x̂ = (x − μ_j) / σ_j with
 * σ_j = √(var_j + ε) and the output is y = γ_j · x̂ + β_j. In training μ and var are the batch
 * mean and the biased batch variance (the mean of the squared deviations, divided by N), and the
 * moving statistics follow them: moving_mean ← momentum · moving_mean + (1 − momentum) · μ, and
 * moving_variance likewise with the biased batch variance, exactly as Keras 3 does. In inference
 * μ and var are the moving statistics, so a single example is normalized the same way whatever
 * batch it arrives in. An input of higher rank is normalized over every axis but the last, as
 * Keras's default {@code axis=-1} does: it is treated as {@code (values / features, features)} rows.
 *
 * <p>Keras defaults: momentum {@value #DEFAULT_MOMENTUM}, epsilon {@value #DEFAULT_EPSILON}, γ
 * (scale) starts at 1, β (center) at 0, the moving mean at 0 and the moving variance at 1. The
 * weights, in Keras's order, are gamma and beta (trainable, each present only if scale or center
 * is on) and moving_mean and moving_variance (non-trainable; their grad stays zero, as no optimizer
 * touches them). With N rows in the batch, the training-mode backward pass is
 * dx = (γ / (N σ)) · (N · dy − Σ dy − x̂ · Σ(dy · x̂)), sums over the batch; in inference the
 * statistics are constants and dx = γ · dy / σ. Both add dγ += Σ dy · x̂ and dβ += Σ dy.
 * Penalties on γ and β ({@code gammaRegularizer}, {@code betaRegularizer}, as Keras names them)
 * ride on the parameters; the training loop adds them to the loss.
 */
public final class BatchNormalization extends AbstractLayer {
    /** Keras's default momentum of the moving statistics. */
    public static final double DEFAULT_MOMENTUM = 0.99;
    /** Keras's default epsilon added to the variance before the square root. */
    public static final double DEFAULT_EPSILON = 1e-3;
    private static final String GAMMA = "gamma";
    private static final String BETA = "beta";
    private static final String MOVING_MEAN = "moving_mean";
    private static final String MOVING_VARIANCE = "moving_variance";

    private final double momentum;
    private final double epsilon;
    private final boolean center;
    private final boolean scale;
    private final Regularizer betaRegularizer;
    private final Regularizer gammaRegularizer;

    private int features;
    private Parameter gamma;
    private Parameter beta;
    private Parameter movingMean;
    private Parameter movingVariance;

    // Kept by forward for backward; reallocated only when the batch size changes.
    private Tensor xHat;
    private Tensor output;
    private Tensor gradInput;
    private boolean lastTraining;

    /** A batch normalization layer with Keras's defaults, named by the model. */
    public BatchNormalization() {
        this(Config.DEFAULTS);
    }

    /**
     * A batch normalization layer with every option.
     *
     * @param name null to let the model name it ({@code batch_normalization}, …)
     * @param momentum weight of the old value in the moving statistics, in (0, 1)
     * @param epsilon added to the variance for stability, &gt; 0
     * @param center whether to learn the shift β
     * @param scale whether to learn the scale γ
     * @throws IllegalArgumentException if momentum or epsilon is out of range
     */
    public BatchNormalization(String name, double momentum, double epsilon, boolean center, boolean scale) {
        this(new Config(momentum, epsilon, center, scale, name));
    }

    /** A batch normalization layer with the options of {@code config}. */
    public BatchNormalization(Config config) {
        super(config.name());
        this.momentum = config.momentum();
        this.epsilon = config.epsilon();
        this.center = config.center();
        this.scale = config.scale();
        this.betaRegularizer = config.betaRegularizer();
        this.gammaRegularizer = config.gammaRegularizer();
    }

    /**
     * A batch normalization layer's options: Keras's {@code BatchNormalization(momentum, epsilon,
     * center, scale, beta_regularizer, gamma_regularizer, name)}.
     *
     * @param momentum the weight of the old value in the moving statistics, in (0, 1)
     * @param epsilon added to the variance for stability, &gt; 0
     * @param center whether to learn the shift β
     * @param scale whether to learn the scale γ
     * @param betaRegularizer the penalty on β added to the loss; null for none, Keras's default
     * @param gammaRegularizer the penalty on γ added to the loss; null for none, Keras's default
     * @param name null to let the model name it
     */
    public record Config(double momentum, double epsilon, boolean center, boolean scale, Regularizer betaRegularizer,
                         Regularizer gammaRegularizer, String name) implements LayerConfig {
        /** Keras's defaults, with an automatic name. */
        public static final Config DEFAULTS = new Config(DEFAULT_MOMENTUM, DEFAULT_EPSILON, true, true, null);

        /**
         * @throws IllegalArgumentException if momentum or epsilon is out of range, the name is
         *     malformed, or a regularizer is given for γ or β that the layer does not learn
         */
        public Config {
            Checks.openUnitInterval("BatchNormalization momentum", momentum, "it is the share of the moving mean and"
                    + " variance kept at each step; Keras uses " + DEFAULT_MOMENTUM + ", and PyTorch's momentum 0.1"
                    + " is 1 minus this one, i.e. 0.9 here.");
            Checks.positive("BatchNormalization epsilon", epsilon, "epsilon keeps 1 / sqrt(variance + epsilon) finite"
                    + " when a feature is constant in a batch; Keras uses " + DEFAULT_EPSILON + ".");
            if (betaRegularizer != null && !center) {
                throw new IllegalArgumentException("BatchNormalization betaRegularizer " + betaRegularizer + " has no"
                        + " beta to penalize: center is false. Hint: drop the beta regularizer, or keep center.");
            }
            if (gammaRegularizer != null && !scale) {
                throw new IllegalArgumentException("BatchNormalization gammaRegularizer " + gammaRegularizer + " has no"
                        + " gamma to penalize: scale is false. Hint: drop the gamma regularizer, or keep scale.");
            }
            LayerNames.checkName(name);
        }

        /** Without regularizers: Keras's {@code BatchNormalization(momentum, epsilon, center, scale, name)}. */
        public Config(double momentum, double epsilon, boolean center, boolean scale, String name) {
            this(momentum, epsilon, center, scale, null, null, name);
        }

        /** A copy with another momentum. */
        public Config momentum(double value) {
            return new Config(value, epsilon, center, scale, betaRegularizer, gammaRegularizer, name);
        }

        /** A copy with another epsilon. */
        public Config epsilon(double value) {
            return new Config(momentum, value, center, scale, betaRegularizer, gammaRegularizer, name);
        }

        /** A copy that learns the shift β or not. */
        public Config center(boolean value) {
            return new Config(momentum, epsilon, value, scale, betaRegularizer, gammaRegularizer, name);
        }

        /** A copy that learns the scale γ or not. */
        public Config scale(boolean value) {
            return new Config(momentum, epsilon, center, value, betaRegularizer, gammaRegularizer, name);
        }

        /** A copy whose shift β is penalized by {@code value} (null for none). */
        public Config betaRegularizer(Regularizer value) {
            return new Config(momentum, epsilon, center, scale, value, gammaRegularizer, name);
        }

        /** A copy whose scale γ is penalized by {@code value} (null for none). */
        public Config gammaRegularizer(Regularizer value) {
            return new Config(momentum, epsilon, center, scale, betaRegularizer, value, name);
        }

        /** A copy with the layer's own name, null for an automatic one. */
        public Config named(String value) {
            return new Config(momentum, epsilon, center, scale, betaRegularizer, gammaRegularizer, value);
        }

        /** {@code gamma} and {@code beta} when learned, then {@code moving_mean} and {@code moving_variance}. */
        @Override
        public List<String> weightNames() {
            List<String> names = new ArrayList<>(4);
            if (scale) {
                names.add(GAMMA);
            }
            if (center) {
                names.add(BETA);
            }
            names.add(MOVING_MEAN);
            names.add(MOVING_VARIANCE);
            return List.copyOf(names);
        }

        @Override
        public Map<String, Regularizer> regularizers() {
            Map<String, Regularizer> r = new LinkedHashMap<>();
            if (gammaRegularizer != null) {
                r.put(GAMMA, gammaRegularizer);
            }
            if (betaRegularizer != null) {
                r.put(BETA, betaRegularizer);
            }
            return r;
        }

        @Override
        public String typeName() {
            return "BatchNormalization";
        }

        @Override
        public int[] outputShape(int[] inputShape) {
            if (inputShape.length == 0) {
                throw new IllegalArgumentException("BatchNormalization needs a feature axis but got shape "
                        + Tensor.describeShape(inputShape) + ". Hint: give each example at least one axis, e.g. (None, 1).");
            }
            return inputShape.clone();
        }

        /** γ and β, each one per feature when learned. */
        @Override
        public long trainableParameters(int[] inputShape) {
            return (long) inputShape[inputShape.length - 1] * ((center ? 1 : 0) + (scale ? 1 : 0));
        }

        /** The moving mean and variance: two per feature. */
        @Override
        public long nonTrainableParameters(int[] inputShape) {
            return 2L * inputShape[inputShape.length - 1];
        }

        /** The output is normalized: whatever activation came before, it is undone. */
        @Override
        public Activation activationAfter(Activation input) {
            return Activation.LINEAR;
        }

        @Override
        public BatchNormalization create() {
            return new BatchNormalization(this);
        }
    }

    @Override
    public Optional<LayerConfig> config() {
        return Optional.of(new Config(momentum, epsilon, center, scale, betaRegularizer, gammaRegularizer, name()));
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        int[] out = config().orElseThrow().outputShape(inputShape);
        features = inputShape[inputShape.length - 1];
        if (scale) {
            gamma = new Parameter(name() + "/" + GAMMA, Tensor.filled(precision(), 1.0, features), true, gammaRegularizer);
        }
        if (center) {
            beta = new Parameter(name() + "/" + BETA, zeros(features), true, betaRegularizer);
        }
        movingMean = new Parameter(name() + "/" + MOVING_MEAN, zeros(features), false);
        movingVariance = new Parameter(name() + "/" + MOVING_VARIANCE, Tensor.filled(precision(), 1.0, features), false);
        return out;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        // x:(n,features) → y:(n,features);  x̂ = (x − μ)/√(var + ε), y = γ·x̂ + β
        Tensor x = checkInput(input);
        if (output == null || output.rows() != x.rows()) {
            output = zeros(x.shape());
            xHat = zeros(x.shape());
            gradInput = zeros(x.shape());
        }
        int n = features == 0 ? 0 : x.size() / features;
        if (training && n == 0) {
            throw new IllegalArgumentException(describe() + " got an empty batch " + Arrays.toString(x.shape())
                    + " in training; batch statistics need at least one example. Hint: drop empty batches.");
        }
        if (precision() == Precision.FLOAT32) {
            forward32(x.floatData(), xHat.floatData(), output.floatData(), n, training);
        } else {
            forward64(x.data(), xHat.data(), output.data(), n, training);
        }
        lastTraining = training;
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        // dy:(n,features) → dx:(n,features);  dγ += Σdy·x̂, dβ += Σdy,
        // training: dx = γ/(Nσ)·(N·dy − Σdy − x̂·Σ(dy·x̂)); inference: dx = γ·dy/σ
        requireForward();
        Tensor dy = requireGradientShape(output, gradOutput);
        int n = features == 0 ? 0 : output.size() / features;
        if (precision() == Precision.FLOAT32) {
            backward32(dy.floatData(), xHat.floatData(), gradInput.floatData(), n);
        } else {
            backward64(dy.data(), xHat.data(), gradInput.data(), n);
        }
        return gradInput;
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    // Per feature: μ, var, 1/σ of the last forward pass, and the two sums of the backward pass.
    private double[] mean64;
    private double[] variance64;
    private double[] invStd64;
    private double[] sumDy64;
    private double[] sumDyXHat64;

    /** x̂ = (x − μ)·(1/σ) and y = γ·x̂ + β, with the batch's statistics in training, the moving ones else. */
    private void forward64(double[] in, double[] xh, double[] y, int n, boolean training) {
        if (mean64 == null) {
            mean64 = new double[features];
            variance64 = new double[features];
            invStd64 = new double[features];
            sumDy64 = new double[features];
            sumDyXHat64 = new double[features];
        }
        if (training) {
            batchStatistics64(in, n);
        } else {
            double epsilon = this.epsilon;
            double[] mm = movingMean.value().data();
            double[] mv = movingVariance.value().data();
            for (int j = 0; j < features; j++) {
                mean64[j] = mm[j];
                invStd64[j] = 1.0 / Math.sqrt(mv[j] + epsilon);
            }
        }
        double[] g = scale ? gamma.value().data() : null;
        double[] b = center ? beta.value().data() : null;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                xh[i] = (in[i] - mean64[j]) * invStd64[j];
                y[i] = (scale ? g[j] * xh[i] : xh[i]) + (center ? b[j] : 0.0);
            }
        }
    }

    /** Sets μ and 1/σ from the batch and moves the moving statistics towards them. */
    private void batchStatistics64(double[] x, int n) {
        Arrays.fill(mean64, 0.0);
        Arrays.fill(variance64, 0.0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                mean64[j] += x[r * features + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean64[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                double d = x[r * features + j] - mean64[j];
                variance64[j] += d * d;
            }
        }
        double momentum = this.momentum;
        double epsilon = this.epsilon;
        double[] mm = movingMean.value().data();
        double[] mv = movingVariance.value().data();
        for (int j = 0; j < features; j++) {
            variance64[j] /= n; // biased: divided by N, as Keras's ops.moments
            invStd64[j] = 1.0 / Math.sqrt(variance64[j] + epsilon);
            mm[j] = momentum * mm[j] + (1 - momentum) * mean64[j];
            mv[j] = momentum * mv[j] + (1 - momentum) * variance64[j];
        }
    }

    /** Adds dγ and dβ into the parameters' grads and writes dx, as the class comment's formula says. */
    private void backward64(double[] dy, double[] xh, double[] dx, int n) {
        Arrays.fill(sumDy64, 0.0);
        Arrays.fill(sumDyXHat64, 0.0);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                sumDy64[j] += dy[i];
                sumDyXHat64[j] += dy[i] * xh[i];
            }
        }
        if (scale) {
            double[] dGamma = gamma.grad().data();
            for (int j = 0; j < features; j++) {
                dGamma[j] += sumDyXHat64[j];
            }
        }
        if (center) {
            double[] dBeta = beta.grad().data();
            for (int j = 0; j < features; j++) {
                dBeta[j] += sumDy64[j];
            }
        }
        double[] g = scale ? gamma.value().data() : null;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                double gOverSigma = (scale ? g[j] : 1.0) * invStd64[j];
                dx[i] = lastTraining
                        ? gOverSigma / n * (n * dy[i] - sumDy64[j] - xh[i] * sumDyXHat64[j])
                        : gOverSigma * dy[i];
            }
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    // Per feature: μ, var, 1/σ of the last forward pass, and the two sums of the backward pass.
    private float[] mean32;
    private float[] variance32;
    private float[] invStd32;
    private float[] sumDy32;
    private float[] sumDyXHat32;

    /** x̂ = (x − μ)·(1/σ) and y = γ·x̂ + β, with the batch's statistics in training, the moving ones else. */
    private void forward32(float[] in, float[] xh, float[] y, int n, boolean training) {
        if (mean32 == null) {
            mean32 = new float[features];
            variance32 = new float[features];
            invStd32 = new float[features];
            sumDy32 = new float[features];
            sumDyXHat32 = new float[features];
        }
        if (training) {
            batchStatistics32(in, n);
        } else {
            float epsilon = (float) (this.epsilon);
            float[] mm = movingMean.value().floatData();
            float[] mv = movingVariance.value().floatData();
            for (int j = 0; j < features; j++) {
                mean32[j] = mm[j];
                invStd32[j] = 1.0f / (float) Math.sqrt(mv[j] + epsilon);
            }
        }
        float[] g = scale ? gamma.value().floatData() : null;
        float[] b = center ? beta.value().floatData() : null;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                xh[i] = (in[i] - mean32[j]) * invStd32[j];
                y[i] = (scale ? g[j] * xh[i] : xh[i]) + (center ? b[j] : 0.0f);
            }
        }
    }

    /** Sets μ and 1/σ from the batch and moves the moving statistics towards them. */
    private void batchStatistics32(float[] x, int n) {
        Arrays.fill(mean32, 0.0f);
        Arrays.fill(variance32, 0.0f);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                mean32[j] += x[r * features + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean32[j] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                float d = x[r * features + j] - mean32[j];
                variance32[j] += d * d;
            }
        }
        float momentum = (float) (this.momentum);
        float epsilon = (float) (this.epsilon);
        float[] mm = movingMean.value().floatData();
        float[] mv = movingVariance.value().floatData();
        for (int j = 0; j < features; j++) {
            variance32[j] /= n; // biased: divided by N, as Keras's ops.moments
            invStd32[j] = 1.0f / (float) Math.sqrt(variance32[j] + epsilon);
            mm[j] = momentum * mm[j] + (1 - momentum) * mean32[j];
            mv[j] = momentum * mv[j] + (1 - momentum) * variance32[j];
        }
    }

    /** Adds dγ and dβ into the parameters' grads and writes dx, as the class comment's formula says. */
    private void backward32(float[] dy, float[] xh, float[] dx, int n) {
        Arrays.fill(sumDy32, 0.0f);
        Arrays.fill(sumDyXHat32, 0.0f);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                sumDy32[j] += dy[i];
                sumDyXHat32[j] += dy[i] * xh[i];
            }
        }
        if (scale) {
            float[] dGamma = gamma.grad().floatData();
            for (int j = 0; j < features; j++) {
                dGamma[j] += sumDyXHat32[j];
            }
        }
        if (center) {
            float[] dBeta = beta.grad().floatData();
            for (int j = 0; j < features; j++) {
                dBeta[j] += sumDy32[j];
            }
        }
        float[] g = scale ? gamma.value().floatData() : null;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < features; j++) {
                int i = r * features + j;
                float gOverSigma = (scale ? g[j] : 1.0f) * invStd32[j];
                dx[i] = lastTraining
                        ? gOverSigma / n * (n * dy[i] - sumDy32[j] - xh[i] * sumDyXHat32[j])
                        : gOverSigma * dy[i];
            }
        }
    }
    // [end float32]

    @Override
    public List<Parameter> parameters() {
        requireBuilt("parameters");
        List<Parameter> ps = new ArrayList<>(4);
        if (scale) {
            ps.add(gamma);
        }
        if (center) {
            ps.add(beta);
        }
        ps.add(movingMean);
        ps.add(movingVariance);
        return List.copyOf(ps);
    }

    /** The weight kept by the moving statistics at each training step. */
    public double momentum() {
        return momentum;
    }

    /** The constant added to the variance before the square root. */
    public double epsilon() {
        return epsilon;
    }

    /** Whether the layer learns the shift β. */
    public boolean center() {
        return center;
    }

    /** Whether the layer learns the scale γ. */
    public boolean scale() {
        return scale;
    }

    /** The scale γ, shape {@code (features)}; only after build and only if {@link #scale()}. */
    public Parameter gamma() {
        requireBuilt("gamma");
        if (!scale) {
            throw new IllegalStateException(describe() + " has no gamma (it was created with scale = false)");
        }
        return gamma;
    }

    /** The shift β, shape {@code (features)}; only after build and only if {@link #center()}. */
    public Parameter beta() {
        requireBuilt("beta");
        if (!center) {
            throw new IllegalStateException(describe() + " has no beta (it was created with center = false)");
        }
        return beta;
    }

    /** The running mean used in inference, shape {@code (features)}; only after build. */
    public Parameter movingMean() {
        requireBuilt("movingMean");
        return movingMean;
    }

    /** The running (biased) variance used in inference, shape {@code (features)}; only after build. */
    public Parameter movingVariance() {
        requireBuilt("movingVariance");
        return movingVariance;
    }

    @Override
    public String toString() {
        return "BatchNormalization(momentum " + momentum + ", epsilon " + epsilon + ")"
                + (isBuilt() ? " on " + Arrays.toString(inputShape()) : "");
    }
}
