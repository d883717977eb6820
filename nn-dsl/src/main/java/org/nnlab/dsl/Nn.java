package org.nnlab.dsl;

import java.util.List;
import org.nnlab.core.init.Initializer;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.loss.BinaryCrossentropy;
import org.nnlab.core.loss.CategoricalCrossentropy;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.loss.MeanAbsoluteError;
import org.nnlab.core.loss.MeanSquaredError;
import org.nnlab.core.loss.SparseCategoricalCrossentropy;
import org.nnlab.core.optim.Adagrad;
import org.nnlab.core.optim.Adam;
import org.nnlab.core.optim.AdamW;
import org.nnlab.core.optim.RMSprop;
import org.nnlab.core.optim.SGD;
import org.nnlab.core.optim.schedule.CosineDecay;
import org.nnlab.core.optim.schedule.CosineDecayRestarts;
import org.nnlab.core.optim.schedule.ExponentialDecay;
import org.nnlab.core.optim.schedule.InverseTimeDecay;
import org.nnlab.core.optim.schedule.PiecewiseConstantDecay;
import org.nnlab.core.optim.schedule.PolynomialDecay;
import org.nnlab.core.regularizer.L1;
import org.nnlab.core.regularizer.L1L2;
import org.nnlab.core.regularizer.L2;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.Monitor;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.Shape;

/**
 * The entry point of the DSL and, with {@code import static org.nnlab.dsl.Nn.*}, every common name.
 *
 * <p>The lecture's MNIST classifier in Keras,
 * <pre>{@code
 * model = keras.models.Sequential([
 *     keras.layers.Flatten(input_shape=[28, 28]),
 *     keras.layers.Dense(100, activation="relu"),
 *     keras.layers.Dense(10, activation="softmax")])
 * model.compile(loss="sparse_categorical_crossentropy",
 *               optimizer=keras.optimizers.SGD(learning_rate=0.01), metrics=["accuracy"])
 * history = model.fit(X_train, y_train, epochs=30, validation_data=(X_valid, y_valid))
 * }</pre>
 * reads line by line, with the one import {@code import static org.nnlab.dsl.Nn.*}:
 * <pre>{@code
 * Model model = input(28, 28)
 *         .flatten()
 *         .dense(100, RELU)
 *         .dense(10, SOFTMAX)
 *         .compile(sgd().learningRate(0.01), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
 *         .build();
 * System.out.print(model.summary());                  // Total params: 79,510
 * History history = model.fit(xTrain, yTrain, f -> f.epochs(30).validationData(xValid, yValid));
 * }</pre>
 * Other lecture models: logistic regression {@code input(2).dense(1, SIGMOID)}; a ReLU regressor
 * whose output has no bias {@code input(1).dense(4, RELU).dense(1, d -> d.noBias())}; the deep
 * regressor with batch normalization {@code input(1).dense(30, SIGMOID).batchNormalization()…}; a
 * layer with an L2 penalty on its kernel, Keras's {@code kernel_regularizer=L2(0.01)},
 * {@code .dense(100, RELU, d -> d.kernelRegularizer(l2(0.01)))}; one with a penalty on its output,
 * Keras's {@code activity_regularizer=L2(1e-5)}, {@code .dense(64, RELU, d -> d.activityRegularizer(l2(1e-5)))}.
 *
 * <p>The names are nn-core's own (the constants are the same objects), gathered so that one
 * import replaces static imports from five packages: activations, losses, metrics, precisions
 * ({@code input(28, 28).precision(FLOAT64)}; float32 is the default), initializers,
 * monitors ({@code VAL_LOSS}, {@code VAL_ACCURACY}, …; the training-set monitors, whose names
 * would clash with the metrics, are {@link Monitor#ACCURACY} etc.) and the optimizers with Keras's
 * defaults, to adjust fluently: {@code adam().learningRate(0.1)}.
 *
 * <p>The stages are types: {@code Nn} offers only {@link #input}, so a layer before the input, an
 * input without dimensions, a layer after {@code compile} and {@code fit} before {@code compile} do
 * not compile. Every stage is immutable and checks each call at once with nn-core's own rules, so a
 * mistake is reported on the line that makes it, with what, where, and a hint.
 */
public final class Nn {
    /** f(z) = z. */
    public static final Activation LINEAR = Activation.LINEAR;
    /** The logistic function 1 / (1 + e^−z). */
    public static final Activation SIGMOID = Activation.SIGMOID;
    /** The hyperbolic tangent. */
    public static final Activation TANH = Activation.TANH;
    /** max(0, z). */
    public static final Activation RELU = Activation.RELU;
    /** e^{z_j} / Σ e^{z_k} per row. */
    public static final Activation SOFTMAX = Activation.SOFTMAX;
    /** The perceptron's step, trainable only with the perceptron rule. */
    public static final Activation STEP = Activation.STEP;

    /** Mean of (p − y)²; for regression. */
    public static final MeanSquaredError MEAN_SQUARED_ERROR = Loss.MEAN_SQUARED_ERROR;
    /** Mean of |p − y|; for regression robust to outliers. */
    public static final MeanAbsoluteError MEAN_ABSOLUTE_ERROR = Loss.MEAN_ABSOLUTE_ERROR;
    /** Cross-entropy of independent yes/no outputs, after a sigmoid. */
    public static final BinaryCrossentropy BINARY_CROSSENTROPY = Loss.BINARY_CROSSENTROPY;
    /** Cross-entropy against one-hot targets, after a softmax. */
    public static final CategoricalCrossentropy CATEGORICAL_CROSSENTROPY = Loss.CATEGORICAL_CROSSENTROPY;
    /** Cross-entropy against integer class labels, after a softmax. */
    public static final SparseCategoricalCrossentropy SPARSE_CATEGORICAL_CROSSENTROPY =
            Loss.SPARSE_CATEGORICAL_CROSSENTROPY;

    /** The fraction of correct predictions, of the kind Keras picks from the loss. */
    public static final Metric ACCURACY = Metric.ACCURACY;
    /** Mean squared error, reported beside the loss. */
    public static final Metric MSE = Metric.MSE;
    /** Mean absolute error, reported beside the loss. */
    public static final Metric MAE = Metric.MAE;

    /** Training loss, for early stopping. */
    public static final Monitor LOSS = Monitor.LOSS;
    /** Validation loss, Keras's default for early stopping. */
    public static final Monitor VAL_LOSS = Monitor.VAL_LOSS;
    /** Validation accuracy. */
    public static final Monitor VAL_ACCURACY = Monitor.VAL_ACCURACY;
    /** Validation mean squared error. */
    public static final Monitor VAL_MSE = Monitor.VAL_MSE;
    /** Validation mean absolute error. */
    public static final Monitor VAL_MAE = Monitor.VAL_MAE;

    /** 32-bit floats, the default precision (Keras's {@code floatx}): fast. */
    public static final Precision FLOAT32 = Precision.FLOAT32;
    /** 64-bit doubles: for gradient checks and exact comparisons. */
    public static final Precision FLOAT64 = Precision.FLOAT64;

    /** Glorot (Xavier) uniform, Keras's default for kernels. */
    public static final Initializer GLOROT_UNIFORM = Initializer.GLOROT_UNIFORM;
    /** Glorot (Xavier) normal. */
    public static final Initializer GLOROT_NORMAL = Initializer.GLOROT_NORMAL;
    /** He uniform, for ReLU layers. */
    public static final Initializer HE_UNIFORM = Initializer.HE_UNIFORM;
    /** He normal, for ReLU layers. */
    public static final Initializer HE_NORMAL = Initializer.HE_NORMAL;
    /** All zeros, Keras's default for biases. */
    public static final Initializer ZEROS = Initializer.ZEROS;
    /** All ones. */
    public static final Initializer ONES = Initializer.ONES;

    private Nn() {
    }

    /**
     * Starts a model whose examples have shape {@code (first, rest…)}, without the batch axis, like
     * Keras's {@code input_shape=[28, 28]}; at least one dimension is required by the signature.
     *
     * @throws IllegalArgumentException if a dimension is ≤ 0
     */
    public static LayerStage input(int first, int... rest) {
        int[] dims = new int[rest.length + 1];
        dims[0] = first;
        System.arraycopy(rest, 0, dims, 1, rest.length);
        return new LayerStage(ModelSpec.DEFAULT_NAME, ModelSpec.DEFAULT_SEED, Precision.DEFAULT, Shape.of(dims));
    }

    /** Keras's {@code SGD()}: learning rate {@value SGD#DEFAULT_LEARNING_RATE}, no momentum. */
    public static SGD.Config sgd() {
        return SGD.Config.DEFAULTS;
    }

    /** Keras's {@code RMSprop()}: learning rate {@value RMSprop#DEFAULT_LEARNING_RATE}, ρ {@value RMSprop#DEFAULT_RHO}. */
    public static RMSprop.Config rmsprop() {
        return RMSprop.Config.DEFAULTS;
    }

    /** Keras's {@code Adagrad()}: learning rate {@value Adagrad#DEFAULT_LEARNING_RATE}. */
    public static Adagrad.Config adagrad() {
        return Adagrad.Config.DEFAULTS;
    }

    /**
     * Keras's {@code AdamW()}: Adam with decoupled weight decay λ {@value AdamW#DEFAULT_WEIGHT_DECAY},
     * e.g. {@code adamw().weightDecay(0.01).excludeFromWeightDecay("bias", "gamma", "beta")}.
     */
    public static AdamW.Config adamw() {
        return AdamW.Config.DEFAULTS;
    }

    /**
     * Keras's {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate)}, a learning
     * rate for any optimizer: {@code sgd().learningRate(exponentialDecay(0.1, 1000, 0.96).staircase(true))}.
     */
    public static ExponentialDecay exponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
        return new ExponentialDecay(initialLearningRate, decaySteps, decayRate);
    }

    /** Keras's {@code PiecewiseConstantDecay(boundaries, values)}: {@code values[i]} up to step {@code boundaries[i]}. */
    public static PiecewiseConstantDecay piecewiseConstantDecay(List<Long> boundaries, List<Double> values) {
        return new PiecewiseConstantDecay(boundaries, values);
    }

    /**
     * Keras's {@code PolynomialDecay(initial_learning_rate, decay_steps)}: linear down to
     * {@value PolynomialDecay#DEFAULT_END_LEARNING_RATE} over decaySteps; {@code .endLearningRate},
     * {@code .power}, {@code .cycle}.
     */
    public static PolynomialDecay polynomialDecay(double initialLearningRate, long decaySteps) {
        return new PolynomialDecay(initialLearningRate, decaySteps);
    }

    /**
     * Keras's {@code PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate)}, e.g. a
     * square-root decay {@code polynomialDecay(0.1, 10_000, 0.01).power(0.5)}.
     */
    public static PolynomialDecay polynomialDecay(double initialLearningRate, long decaySteps, double endLearningRate) {
        return new PolynomialDecay(initialLearningRate, decaySteps, endLearningRate);
    }

    /** Keras's {@code CosineDecay(initial_learning_rate, decay_steps)}: a half cosine down to 0; {@code .alpha}, {@code .warmup}. */
    public static CosineDecay cosineDecay(double initialLearningRate, long decaySteps) {
        return new CosineDecay(initialLearningRate, decaySteps);
    }

    /**
     * Keras's {@code CosineDecay(initial_learning_rate, decay_steps, warmup_target=…, warmup_steps=…)}:
     * a linear warm-up from {@code initialLearningRate} (0 in Keras's example) to {@code warmupTarget},
     * then a half cosine down to 0.
     */
    public static CosineDecay cosineDecay(double initialLearningRate, long decaySteps, double warmupTarget,
                                          long warmupSteps) {
        return new CosineDecay(initialLearningRate, decaySteps, warmupTarget, warmupSteps);
    }

    /**
     * Keras's {@code CosineDecayRestarts(initial_learning_rate, first_decay_steps)}, SGDR: cosines that
     * restart, each {@value CosineDecayRestarts#DEFAULT_T_MUL} times longer; {@code .tMul}, {@code .mMul},
     * {@code .alpha}.
     */
    public static CosineDecayRestarts cosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
        return new CosineDecayRestarts(initialLearningRate, firstDecaySteps);
    }

    /** Keras's {@code InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate)}: η / (1 + r·step / decaySteps). */
    public static InverseTimeDecay inverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
        return new InverseTimeDecay(initialLearningRate, decaySteps, decayRate);
    }

    /** Keras's {@code L1()}: the penalty l1·Σ|w| with l1 = {@value L1#DEFAULT_L1}, e.g. {@code d -> d.kernelRegularizer(l1())}. */
    public static L1 l1() {
        return new L1();
    }

    /** Keras's {@code L1(l1)}: the penalty l1·Σ|w|. */
    public static L1 l1(double l1) {
        return new L1(l1);
    }

    /** Keras's {@code L2()}: the penalty l2·Σw² with l2 = {@value L2#DEFAULT_L2}, e.g. {@code d -> d.kernelRegularizer(l2())}. */
    public static L2 l2() {
        return new L2();
    }

    /** Keras's {@code L2(l2)}: the penalty l2·Σw². */
    public static L2 l2(double l2) {
        return new L2(l2);
    }

    /** Keras's {@code L1L2(l1, l2)}: both penalties, l1·Σ|w| + l2·Σw². */
    public static L1L2 l1l2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    /**
     * Keras's {@code Adam()}: learning rate {@value Adam#DEFAULT_LEARNING_RATE}, β1
     * {@value Adam#DEFAULT_BETA_1}, β2 {@value Adam#DEFAULT_BETA_2}, ε {@value Adam#DEFAULT_EPSILON}.
     */
    public static Adam.Config adam() {
        return Adam.Config.DEFAULTS;
    }
}
