package org.nnlab.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.LayerConfig;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.layer.StepSeeded;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Compares analytic gradients with central finite differences, in double precision.
 *
 * <p>For a value θ the numerical derivative is n = (L(θ + h) − L(θ − h)) / 2h with h =
 * {@value #DEFAULT_STEP}. An analytic derivative {@code a} passes a {@link Tolerance} when
 * |a − n| ≤ absolute + relative · |n|: the rule of PyTorch's {@code torch.autograd.gradcheck}
 * ({@code torch.allclose(analytical, numerical, rtol, atol)}). The absolute part is what makes an
 * exact zero gradient pass: there n is round-off of order 1e-10, and a purely relative error
 * (|a − n| / (|a| + |n|), reported as {@link Entry#maxRelativeError()}) would be large. The
 * default, {@link Tolerance#DEFAULT}, is stricter than PyTorch's ({@link Tolerance#PYTORCH});
 * {@link #GOOD} and {@link #ACCEPTABLE_NEAR_KINKS} are relative tolerances to use with the default
 * absolute one. A NaN analytic or numerical derivative fails every tolerance.
 *
 * <p>A layer is checked through the scalar L = Σ forward(x) ⊙ R for a fixed random R, whose
 * gradient with respect to the output is exactly R; its input and its <em>trainable</em>
 * parameters are checked (no layer differentiates a non-trainable one, such as batch
 * normalization's moving statistics). The check leaves the layer as it found it: every parameter's
 * value and gradient is restored, so a training-mode check does not move moving statistics. A loss
 * is checked with respect to its predictions. A layer with randomness draws the same mask on every
 * call: a {@link StepSeeded} layer (dropout) is reseeded for step 0 before each forward pass (a
 * dropout layer given its own mask supplier keeps it). A fused output (softmax or sigmoid with its
 * cross-entropy) is checked through the logits, against the loss the training loop reports from them.
 *
 * <p>Always in float64, as PyTorch's {@code gradcheck} demands double inputs: with a step of 1e-5
 * float32's rounding (about 6e-8 of each value) would swamp the differences. A float32 layer is
 * therefore checked through a float64 copy made from its {@link Layer#config()}, holding its weights
 * widened exactly (the layer itself is not touched); the report names the copy's parameters, which
 * are the layer's names. Float32 tensors given to the loss checks are widened the same way.
 */
public final class GradientCheck {
    /** The default step h. */
    public static final double DEFAULT_STEP = 1e-5;
    /** A relative tolerance a correct gradient meets away from kinks (with the default absolute tolerance). */
    public static final double GOOD = 1e-7;
    /** A relative tolerance acceptable near kinks such as ReLU at 0 (with the default absolute tolerance). */
    public static final double ACCEPTABLE_NEAR_KINKS = 1e-4;
    /**
     * The absolute tolerance of {@link Tolerance#DEFAULT}: round-off of a central difference with
     * h = 1e-5 on an objective of order 1 to 100 is 1e-11 to 1e-8, while a wrong gradient of a
     * checked layer differs by far more.
     */
    public static final double ABSOLUTE_TOLERANCE = 1e-7;

    private GradientCheck() {
    }

    /**
     * How far an analytic derivative {@code a} may be from the numerical one {@code n}: it passes when
     * |a − n| ≤ absolute + relative · |n|, as {@code torch.allclose(a, n, rtol, atol)}.
     *
     * @param absolute the absolute tolerance (PyTorch's {@code atol}), ≥ 0
     * @param relative the relative tolerance (PyTorch's {@code rtol}), ≥ 0
     */
    public record Tolerance(double absolute, double relative) {
        /** {@value GradientCheck#ABSOLUTE_TOLERANCE} absolute, {@value GradientCheck#GOOD} relative. */
        public static final Tolerance DEFAULT = new Tolerance(ABSOLUTE_TOLERANCE, GOOD);
        /** PyTorch's gradcheck defaults for double precision: 1e-5 absolute, 1e-3 relative. */
        public static final Tolerance PYTORCH = new Tolerance(1e-5, 1e-3);

        /** Checks that both tolerances are finite and ≥ 0. */
        public Tolerance {
            if (!(absolute >= 0) || !(relative >= 0) || Double.isInfinite(absolute) || Double.isInfinite(relative)) {
                throw new IllegalArgumentException("Gradient check tolerances must be finite and >= 0 but are absolute "
                        + absolute + ", relative " + relative + ". Hint: PyTorch's defaults are 1e-5 and 1e-3.");
            }
        }

        /** The default absolute tolerance with relative tolerance {@code relative}, e.g. {@link #GOOD}. */
        public static Tolerance relative(double relative) {
            return new Tolerance(ABSOLUTE_TOLERANCE, relative);
        }

        /** Whether |analytic − numeric| ≤ absolute + relative · |numeric|; false if either is NaN. */
        public boolean accepts(double analytic, double numeric) {
            return Math.abs(analytic - numeric) <= absolute + relative * Math.abs(numeric);
        }

        /** |a − n| / (absolute + relative · |n|): at most 1 when accepted; infinite for NaN. */
        double excess(double analytic, double numeric) {
            double d = Math.abs(analytic - numeric);
            return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d / (absolute + relative * Math.abs(numeric));
        }
    }

    /**
     * Checks a built layer's input gradient and its trainable parameters' gradients at input {@code x}.
     * The objective is R·y for a random projection R, plus the layer's {@link Layer#activityPenalty()}
     * when it has an activity regularizer, whose gradient its backward adds. Every parameter's value
     * and gradient (trainable or not) is as before when the check returns.
     *
     * @param training the mode the forward passes run in
     * @param seed seeds the projection R
     */
    public static Report layer(Layer layer, Tensor input, boolean training, long seed) {
        if (layer.precision() != Precision.FLOAT64) {
            return layer(inFloat64(layer, input), input, training, seed);
        }
        Tensor x = input.to(Precision.FLOAT64).copy();
        List<Parameter> params = layer.parameters();
        List<double[]> savedValues = new ArrayList<>();
        List<double[]> savedGrads = new ArrayList<>();
        for (Parameter p : params) {
            savedValues.add(p.value().data().clone());
            savedGrads.add(p.grad().data().clone());
        }
        try {
            Tensor probe = forward(layer, x, training);
            Tensor r = Tensor.zeros(probe.shape());
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < r.size(); i++) {
                r.data()[i] = rng.nextDouble(-1, 1);
            }
            // The layer's own output penalty (an activity regularizer) is part of what its backward differentiates.
            Scalar objective = () -> dot(forward(layer, x, training), r) + layer.activityPenalty();

            for (Parameter p : params) {
                p.zeroGrad();
            }
            forward(layer, x, training);
            Tensor analyticInput = layer.backward(r.copy()).copy();

            List<Entry> entries = new ArrayList<>();
            entries.add(compare("input", x.data(), analyticInput.data(), objective));
            for (Parameter p : params) {
                if (p.trainable()) {
                    entries.add(compare(p.name(), p.value().data(), p.grad().data().clone(), objective));
                }
            }
            return new Report(entries);
        } finally {
            // Training-mode probes move non-trainable state (moving statistics); put everything back.
            for (int i = 0; i < params.size(); i++) {
                double[] v = params.get(i).value().data();
                System.arraycopy(savedValues.get(i), 0, v, 0, v.length);
                double[] g = params.get(i).grad().data();
                System.arraycopy(savedGrads.get(i), 0, g, 0, g.length);
            }
        }
    }

    /** A forward pass that draws the same randomness every time (step 0's dropout mask). */
    private static Tensor forward(Layer layer, Tensor x, boolean training) {
        if (layer instanceof StepSeeded seeded) {
            seeded.seedStep(0);
        }
        return layer.forward(x, training);
    }

    /**
     * A float64 copy of {@code layer}, made from its config and built for {@code input}'s example
     * shape, holding the layer's weights widened exactly.
     *
     * @throws IllegalArgumentException for a layer without a config, which cannot be copied
     */
    private static Layer inFloat64(Layer layer, Tensor input) {
        LayerConfig config = layer.config().orElseThrow(() -> new IllegalArgumentException("GradientCheck checks in"
                + " float64, and " + layer + " computes in " + layer.precision().kerasName() + " with no config() to"
                + " copy it from. Hint: build the layer in Precision.FLOAT64 to check it, or give it a LayerConfig."));
        Layer copy = config.create();
        copy.build(Arrays.copyOfRange(input.shape(), 1, input.rank()), Precision.FLOAT64, new SplittableRandom(0));
        List<Parameter> from = layer.parameters();
        List<Parameter> to = copy.parameters();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).value().copyFrom(from.get(i).value());
        }
        return copy;
    }

    /** Checks {@code loss.gradient} with respect to the predictions (widened to float64 if they are float32). */
    public static Report loss(Loss loss, Tensor given, Tensor targets) {
        Tensor predictions = given.to(Precision.FLOAT64).copy();
        Tensor analytic = loss.gradient(predictions, targets).copy();
        Scalar objective = () -> loss.compute(predictions, targets);
        return new Report(List.of(compare(loss.kerasName() + "/predictions", predictions.data(),
                analytic.to(Precision.FLOAT64).data(), objective)));
    }

    /**
     * Checks a fused gradient ∂L/∂z behind an output layer with activation {@code outputActivation},
     * against the loss the training loop reports there: {@link Loss#computeFromLogits}, the loss of
     * the logits z with nothing clipped. (The loss of the clipped probabilities,
     * {@link Loss#compute}, is flat wherever a probability is below ε, so its numerical derivative
     * would not be the gradient that training applies.)
     *
     * @param logits z, shaped like the predictions; a float64 copy of it is perturbed
     * @throws IllegalArgumentException if the loss does not fuse with {@code outputActivation}
     */
    public static Report fused(Loss loss, Activation outputActivation, Tensor logits, Tensor targets) {
        if (!loss.fusesWith(outputActivation)) {
            throw new IllegalArgumentException(loss.kerasName() + " has no fused gradient after a "
                    + outputActivation.kerasName() + " output. Hint: check it with GradientCheck.loss, or fuse"
                    + " softmax with a categorical cross-entropy and sigmoid with binary cross-entropy.");
        }
        Tensor preActivation = logits.to(Precision.FLOAT64).copy();
        Tensor predictions = Tensor.zeros(preActivation.shape());
        outputActivation.apply(preActivation.data(), predictions.data(), preActivation.rows(), preActivation.rowSize());
        Tensor analytic = loss.fusedGradient(predictions, targets).copy();
        Scalar objective = () -> loss.computeFromLogits(preActivation, targets);
        return new Report(List.of(compare(loss.kerasName() + "/pre-activation", preActivation.data(),
                analytic.to(Precision.FLOAT64).data(), objective)));
    }

    /**
     * Compares {@code analytic} with central differences of {@code objective} over each value of
     * {@code values}, which is perturbed in place and restored.
     */
    public static Entry compare(String name, double[] values, double[] analytic, Scalar objective) {
        if (values.length != analytic.length) {
            throw new IllegalArgumentException("Gradient of " + name + " has " + analytic.length
                    + " values but the checked tensor has " + values.length);
        }
        double[] numeric = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double saved = values[i];
            values[i] = saved + DEFAULT_STEP;
            double plus = objective.value();
            values[i] = saved - DEFAULT_STEP;
            double minus = objective.value();
            values[i] = saved;
            numeric[i] = (plus - minus) / (2 * DEFAULT_STEP);
        }
        return new Entry(name, analytic.clone(), numeric);
    }

    /**
     * The symmetric relative error |a − n| / max(1e-8, |a| + |n|) of CS231n; reported for reading,
     * not used to pass or fail (it is large around an exact zero, where both are round-off).
     */
    public static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }

    /** A scalar function of the values being perturbed. */
    @FunctionalInterface
    public interface Scalar {
        /** Evaluates the objective at the current values. */
        double value();
    }

    /**
     * The analytic and numerical derivatives of one checked tensor, and where they differ most.
     *
     * <p>The worst element is the one furthest outside (or least inside) {@link Tolerance#DEFAULT}:
     * the largest |a − n| / (absolute + relative · |n|), a NaN counting as infinitely far.
     */
    public static final class Entry {
        private final String name;
        private final double[] analytic;
        private final double[] numeric;
        private final int worstIndex;

        Entry(String name, double[] analytic, double[] numeric) {
            this.name = name;
            this.analytic = analytic;
            this.numeric = numeric;
            int worst = -1;
            double most = -1;
            for (int i = 0; i < analytic.length; i++) {
                double e = Tolerance.DEFAULT.excess(analytic[i], numeric[i]);
                if (e > most) {
                    most = e;
                    worst = i;
                }
            }
            this.worstIndex = worst;
        }

        /** The checked tensor's name, e.g. {@code input} or {@code dense/kernel}. */
        public String name() {
            return name;
        }

        /** Whether every element passes {@code tolerance}. */
        public boolean passes(Tolerance tolerance) {
            for (int i = 0; i < analytic.length; i++) {
                if (!tolerance.accepts(analytic[i], numeric[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The flat index of the worst element, or −1 for an empty tensor. */
        public int worstIndex() {
            return worstIndex;
        }

        /** The analytic derivative at the worst element (0 for an empty tensor). */
        public double analytic() {
            return worstIndex < 0 ? 0 : analytic[worstIndex];
        }

        /** The numerical derivative at the worst element (0 for an empty tensor). */
        public double numeric() {
            return worstIndex < 0 ? 0 : numeric[worstIndex];
        }

        /** The largest |a − n| over the elements; infinite if one is NaN. */
        public double maxAbsoluteError() {
            double m = 0;
            for (int i = 0; i < analytic.length; i++) {
                double d = Math.abs(analytic[i] - numeric[i]);
                m = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(m, d);
            }
            return m;
        }

        /**
         * The largest {@link GradientCheck#relativeError relative error} among the elements outside the
         * default absolute tolerance (the others are round-off around an exact zero and count as 0);
         * infinite if a derivative is NaN.
         */
        public double maxRelativeError() {
            double m = 0;
            for (int i = 0; i < analytic.length; i++) {
                double d = Math.abs(analytic[i] - numeric[i]);
                if (Double.isNaN(d)) {
                    return Double.POSITIVE_INFINITY;
                }
                if (d > ABSOLUTE_TOLERANCE) {
                    m = Math.max(m, relativeError(analytic[i], numeric[i]));
                }
            }
            return m;
        }

        /** E.g. {@code dense/kernel: max relative error 1.2e-10, worst at index 3 (analytic …, numerical …)}. */
        @Override
        public String toString() {
            return String.format("%s: max relative error %.3e, max absolute error %.3e, worst at index %d"
                    + " (analytic %.9g, numerical %.9g)", name, maxRelativeError(), maxAbsoluteError(), worstIndex,
                    analytic(), numeric());
        }
    }

    /** The result of a check: one entry per checked tensor. */
    public record Report(List<Entry> entries) {
        /** Keeps an unmodifiable copy of {@code entries}. */
        public Report {
            entries = List.copyOf(entries);
        }

        /** The largest {@link Entry#maxRelativeError()} over all entries. */
        public double maxRelativeError() {
            double m = 0;
            for (Entry e : entries) {
                m = Math.max(m, e.maxRelativeError());
            }
            return m;
        }

        /** Whether every entry passes {@code tolerance}. */
        public boolean passes(Tolerance tolerance) {
            for (Entry e : entries) {
                if (!e.passes(tolerance)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether every entry passes {@link Tolerance#DEFAULT}. */
        public boolean passes() {
            return passes(Tolerance.DEFAULT);
        }

        /**
         * Whether every entry passes relative tolerance {@code relative} (e.g. {@link #GOOD} or
         * {@link #ACCEPTABLE_NEAR_KINKS}) with the default absolute tolerance.
         */
        public boolean passes(double relative) {
            return passes(Tolerance.relative(relative));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Gradient check:");
            for (Entry e : entries) {
                sb.append("\n  ").append(e);
            }
            return sb.toString();
        }
    }
}
