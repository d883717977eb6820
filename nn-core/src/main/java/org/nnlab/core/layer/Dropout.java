package org.nnlab.core.layer;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Randomly zeroes a fraction {@code rate} of the values while training (Srivastava et al., 2014).
 *
 * <p>In training each value is kept with probability 1 − rate and then scaled by 1 / (1 − rate)
 * ("inverted dropout", as in Keras), so the expected output equals the input and inference needs
 * no rescaling: y = x ⊙ m with m = 1 / (1 − rate) for a kept value and 0 for a dropped one. In
 * inference, and for a rate of 0, the layer is the identity and returns its input as it is. The
 * backward pass uses the same mask: dx = dy ⊙ m. Any input rank works; the shape is kept.
 *
 * <p>Where the mask comes from: by default {@link #build} draws one long from the model's
 * generator and seeds the layer's own {@link SplittableRandom} with it, so the model's seed fixes
 * every mask of a run, and each training forward pass draws a fresh mask from that generator; inside
 * {@code fit}, {@link #seedStep} reseeds it from the layer's seed and the step count before each step,
 * so that training resumes exactly after a save and load. The
 * three-argument constructor replaces this with a supplier called once per training forward pass;
 * a supplier that returns a newly seeded generator each time, {@code () -> new SplittableRandom(7)},
 * draws the same mask on every pass, which is what a finite-difference gradient check needs.
 */
public final class Dropout extends AbstractLayer implements StepSeeded {
    private final double rate;
    private final Supplier<? extends RandomGenerator> maskRandomness;
    private RandomGenerator ownGenerator;
    private long layerSeed;

    // Kept by forward for backward; reallocated only when the input size changes.
    private Tensor mask;
    private Tensor output;
    private Tensor gradInput;
    private boolean lastDropped;

    /**
     * A dropout layer dropping the fraction {@code rate} of its input in training.
     *
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public Dropout(double rate) {
        this(null, rate);
    }

    /**
     * A named dropout layer whose masks come from a generator seeded at build time.
     *
     * @param name null to let the model name it ({@code dropout}, {@code dropout_1}, …)
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public Dropout(String name, double rate) {
        this(name, rate, null);
    }

    /**
     * A named dropout layer whose masks come from {@code maskRandomness}.
     *
     * @param maskRandomness called once per training forward pass; the generator it returns draws
     *     that pass's mask, one {@code nextDouble()} per value. Null means the layer's own
     *     generator, seeded at build time.
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public Dropout(String name, double rate, Supplier<? extends RandomGenerator> maskRandomness) {
        this(new Config(rate, name), maskRandomness);
    }

    /** A dropout layer with the options of {@code config}, its masks drawn from the model's seed. */
    public Dropout(Config config) {
        this(config, null);
    }

    private Dropout(Config config, Supplier<? extends RandomGenerator> maskRandomness) {
        super(config.name());
        this.rate = config.rate();
        this.maskRandomness = maskRandomness;
    }

    /**
     * A dropout layer's options: Keras's {@code Dropout(rate, name)}.
     *
     * @param rate the fraction of values dropped in training, in [0, 1)
     * @param name null to let the model name it
     */
    public record Config(double rate, String name) implements LayerConfig {
        /** @throws IllegalArgumentException if {@code rate} is not in [0, 1) or the name is malformed */
        public Config {
            Checks.unitInterval("Dropout rate", rate, "rate is the fraction of values dropped in training: 0.2 drops"
                    + " one in five; 1 would drop everything, and a keep probability p means rate 1 - p.");
            LayerNames.checkName(name);
        }

        @Override
        public String typeName() {
            return "Dropout";
        }

        @Override
        public Dropout create() {
            return new Dropout(this);
        }
    }

    @Override
    public Optional<LayerConfig> config() {
        return Optional.of(new Config(rate, name()));
    }

    @Override
    protected int[] buildShape(int[] inputShape, RandomGenerator rng) {
        // Always draw, so that choosing a mask supplier does not shift the other layers' weights.
        layerSeed = rng.nextLong();
        ownGenerator = new SplittableRandom(layerSeed);
        return inputShape;
    }

    /**
     * Draws the masks of training step {@code step} from a generator seeded by this layer's seed and
     * the step, so a resumed run draws the same masks as an uninterrupted one. The fit loop calls
     * this before every training step; a mask supplier given to the constructor takes precedence.
     */
    @Override
    public void seedStep(long step) {
        requireBuilt("seedStep");
        ownGenerator = new SplittableRandom(layerSeed + step * 0x9E3779B97F4A7C15L);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        // x:(batch,…) → y:(batch,…);  training: y = x ⊙ m, m_i = [u_i ≥ rate] / (1 − rate); else y = x
        Tensor x = checkInput(input);
        lastDropped = training && rate > 0;
        if (!lastDropped) {
            return x;
        }
        int n = x.size();
        if (output == null || output.size() != n) {
            output = zeros(x.shape());
            gradInput = zeros(x.shape());
            mask = zeros(n);
        }
        RandomGenerator g = maskRandomness == null ? ownGenerator : maskRandomness.get();
        double keptScale = 1.0 / (1.0 - rate);
        if (precision() == Precision.FLOAT32) {
            drop(g, (float) keptScale, x.floatData(), mask.floatData(), output.floatData());
        } else {
            drop(g, keptScale, x.data(), mask.data(), output.data());
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput) {
        // dy:(batch,…) → dx:(batch,…);  training: dx = dy ⊙ m (the forward's mask); else dx = dy
        requireForward();
        if (!lastDropped) {
            return gradOutput;
        }
        Tensor dy = requireGradientShape(output, gradOutput);
        if (precision() == Precision.FLOAT32) {
            times(dy.floatData(), mask.floatData(), gradInput.floatData());
        } else {
            times(dy.data(), mask.data(), gradInput.data());
        }
        return gradInput;
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /** m_i = [u_i ≥ rate] / (1 − rate), one uniform draw u_i per value (the same in either precision), and y = x ⊙ m. */
    private void drop(RandomGenerator g, double keptScale, double[] x, double[] m, double[] y) {
        for (int i = 0; i < x.length; i++) {
            m[i] = g.nextDouble() < rate ? 0.0 : keptScale;
            y[i] = x[i] * m[i];
        }
    }

    /** dx = dy ⊙ m. */
    private static void times(double[] dy, double[] m, double[] dx) {
        for (int i = 0; i < dx.length; i++) {
            dx[i] = dy[i] * m[i];
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /** m_i = [u_i ≥ rate] / (1 − rate), one uniform draw u_i per value (the same in either precision), and y = x ⊙ m. */
    private void drop(RandomGenerator g, float keptScale, float[] x, float[] m, float[] y) {
        for (int i = 0; i < x.length; i++) {
            m[i] = g.nextDouble() < rate ? 0.0f : keptScale;
            y[i] = x[i] * m[i];
        }
    }

    /** dx = dy ⊙ m. */
    private static void times(float[] dy, float[] m, float[] dx) {
        for (int i = 0; i < dx.length; i++) {
            dx[i] = dy[i] * m[i];
        }
    }
    // [end float32]

    /** The fraction of values dropped in training, in [0, 1). */
    public double rate() {
        return rate;
    }

    @Override
    public String toString() {
        return "Dropout(" + rate + ")" + (isBuilt() ? " on " + Arrays.toString(inputShape()) : "");
    }
}
