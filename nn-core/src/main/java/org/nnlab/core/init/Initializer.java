package org.nnlab.core.init;

import java.util.random.RandomGenerator;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * How a weight tensor gets its first values, with Keras's exact formulas.
 *
 * <p>{@code fanIn} and {@code fanOut} are the input and output widths of the layer (784 and 100
 * for the lecture's first dense layer). The family is closed: Glorot (Xavier) and He, each uniform
 * and normal, and the constants. "Normal" means Keras's truncated normal: draws beyond two
 * standard deviations are redrawn, and the standard deviation is divided by 0.8796… so the
 * truncated distribution keeps the intended variance.
 */
public sealed interface Initializer {

    /** Glorot uniform, the Dense kernel default: U(−l, l) with l = √(6 / (fanIn + fanOut)). */
    GlorotUniform GLOROT_UNIFORM = new GlorotUniform();
    /** Glorot normal: truncated N(0, σ²) with σ = √(2 / (fanIn + fanOut)). */
    GlorotNormal GLOROT_NORMAL = new GlorotNormal();
    /** He uniform: U(−l, l) with l = √(6 / fanIn); suits ReLU layers. */
    HeUniform HE_UNIFORM = new HeUniform();
    /** He normal: truncated N(0, σ²) with σ = √(2 / fanIn). */
    HeNormal HE_NORMAL = new HeNormal();
    /** All zeros, the Dense bias default. */
    Constant ZEROS = new Constant(0.0);
    /** All ones. */
    Constant ONES = new Constant(1.0);

    /**
     * Fills {@code values} for a layer with the given fans, drawing from {@code rng}.
     *
     * @throws IllegalArgumentException if a random initializer gets a fan &lt;= 0
     */
    void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng);

    /**
     * A new tensor of {@code shape} in {@code precision}, filled as {@link #fill} fills doubles and
     * then rounded: the draws are the same in either precision, so a float32 layer starts from its
     * float64 twin's weights.
     *
     * @throws IllegalArgumentException if a random initializer gets a fan &lt;= 0
     */
    default Tensor create(Precision precision, int fanIn, int fanOut, RandomGenerator rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        fill(t.data(), fanIn, fanOut, rng);
        return t.to(precision);
    }

    /** A short name for messages and files, e.g. {@code "glorot_uniform"} or {@code "constant(0.5)"}. */
    String kerasName();

    /** Glorot (Xavier) uniform: U(−l, l), l = √(6 / (fanIn + fanOut)). Glorot and Bengio, 2010. */
    record GlorotUniform() implements Initializer {
        @Override
        public void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng) {
            requireFans(this, fanIn, fanOut);
            uniform(values, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
        }

        @Override
        public String kerasName() {
            return "glorot_uniform";
        }
    }

    /** Glorot (Xavier) normal: truncated normal with σ = √(2 / (fanIn + fanOut)). */
    record GlorotNormal() implements Initializer {
        @Override
        public void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng) {
            requireFans(this, fanIn, fanOut);
            truncatedNormal(values, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
        }

        @Override
        public String kerasName() {
            return "glorot_normal";
        }
    }

    /** He uniform: U(−l, l), l = √(6 / fanIn). He et al., 2015. */
    record HeUniform() implements Initializer {
        @Override
        public void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng) {
            requireFans(this, fanIn, fanOut);
            uniform(values, Math.sqrt(6.0 / fanIn), rng);
        }

        @Override
        public String kerasName() {
            return "he_uniform";
        }
    }

    /** He normal: truncated normal with σ = √(2 / fanIn). */
    record HeNormal() implements Initializer {
        @Override
        public void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng) {
            requireFans(this, fanIn, fanOut);
            truncatedNormal(values, Math.sqrt(2.0 / fanIn), rng);
        }

        @Override
        public String kerasName() {
            return "he_normal";
        }
    }

    /** Every value equal to {@code value}; {@link #ZEROS} and {@link #ONES} are the common ones. */
    record Constant(double value) implements Initializer {
        /** @throws IllegalArgumentException if {@code value} is NaN or infinite */
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Constant initializer value (" + value
                        + ") must be finite");
            }
        }

        @Override
        public void fill(double[] values, int fanIn, int fanOut, RandomGenerator rng) {
            java.util.Arrays.fill(values, value);
        }

        @Override
        public String kerasName() {
            return value == 0.0 ? "zeros" : value == 1.0 ? "ones" : "constant(" + value + ")";
        }
    }

    /** Refuses fans that would make a scale infinite or NaN (a layer with no inputs or no units). */
    private static void requireFans(Initializer initializer, int fanIn, int fanOut) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException(initializer.kerasName() + " needs fanIn and fanOut > 0 but got fanIn "
                    + fanIn + ", fanOut " + fanOut + ". Hint: the layer has no inputs or no units; check its input"
                    + " shape and its units.");
        }
    }

    private static void uniform(double[] values, double limit, RandomGenerator rng) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * rng.nextDouble() - 1) * limit;
        }
    }

    /** Keras's truncated normal: redraw beyond 2σ, σ scaled by 1/0.87962566103423978. */
    private static void truncatedNormal(double[] values, double stddev, RandomGenerator rng) {
        double sigma = stddev / 0.87962566103423978;
        for (int i = 0; i < values.length; i++) {
            double g;
            do {
                g = rng.nextGaussian();
            } while (Math.abs(g) > 2.0);
            values[i] = g * sigma;
        }
    }
}
