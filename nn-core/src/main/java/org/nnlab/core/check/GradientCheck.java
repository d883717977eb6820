package org.nnlab.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Arrays;
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
 * <p>For a value θ the numerical derivative is (L(θ + h) − L(θ − h)) / 2h, and the relative error
 * between analytic {@code a} and numerical {@code n} is |a − n| / max(1e-8, |a| + |n|), as in
 * CS231n: below 1e-7 is good; up to 1e-4 is acceptable near kinks such as ReLU at 0; above 1e-2
 * the gradient is almost certainly wrong. A NaN analytic or numerical derivative counts as an
 * infinite error, so it fails every threshold.
 *
 * <p>A layer is checked through the scalar L = Σ forward(x) ⊙ R for a fixed random R, whose
 * gradient with respect to the output is exactly R. A loss is checked with respect to its
 * predictions. Forward passes run in training mode unless the caller says otherwise; a layer with
 * randomness draws the same mask on every call: a {@link StepSeeded} layer (dropout) is reseeded
 * for step 0 before each forward pass (a dropout layer given its own mask supplier keeps it).
 *
 * <p>Always in float64, as PyTorch's {@code gradcheck} demands double inputs: with a step of 1e-5
 * float32's rounding (about 6e-8 of each value) would swamp the differences. A float32 layer is
 * therefore checked through a float64 copy made from its {@link Layer#config()}, holding its weights
 * widened exactly; the report names the copy's parameters, which are the layer's names. Float32
 * tensors given to the loss checks are widened the same way.
 */
public final class GradientCheck {
    /** The default step h. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Relative error below which a gradient is good. */
    public static final double GOOD = 1e-7;
    /** Relative error acceptable near kinks (ReLU, max). */
    public static final double ACCEPTABLE_NEAR_KINKS = 1e-4;

    private GradientCheck() {
    }

    /**
     * Checks a built layer's input gradient and every parameter's gradient at input {@code x}.
     *
     * @param training the mode the forward passes run in
     * @param seed seeds the projection R
     */
    public static Report layer(Layer layer, Tensor input, boolean training, long seed) {
        if (layer.precision() != Precision.FLOAT64) {
            return layer(inFloat64(layer, input), input, training, seed);
        }
        Tensor x = input.to(Precision.FLOAT64).copy();
        Tensor probe = forward(layer, x, training);
        Tensor r = Tensor.zeros(probe.shape());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < r.size(); i++) {
            r.data()[i] = rng.nextDouble(-1, 1);
        }
        Scalar objective = () -> dot(forward(layer, x, training), r);

        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
        forward(layer, x, training);
        Tensor analyticInput = layer.backward(r.copy()).copy();

        List<Entry> entries = new ArrayList<>();
        entries.add(compare("input", x.data(), analyticInput.data(), objective));
        for (Parameter p : layer.parameters()) {
            entries.add(compare(p.name(), p.value().data(), p.grad().data().clone(), objective));
        }
        return new Report(entries);
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
     * Checks a fused gradient ∂L/∂z, where predictions = activation(z) computed by {@code output}.
     *
     * @param logits z; a float64 copy of it is perturbed
     * @param activationOf maps z to predictions
     */
    public static Report fused(Loss loss, Tensor logits, java.util.function.UnaryOperator<Tensor> activationOf,
                               Tensor targets) {
        Tensor preActivation = logits.to(Precision.FLOAT64).copy();
        Tensor analytic = loss.fusedGradient(activationOf.apply(preActivation), targets).copy();
        Scalar objective = () -> loss.compute(activationOf.apply(preActivation), targets);
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
        double worst = 0;
        int worstIndex = -1;
        double worstAnalytic = 0;
        double worstNumeric = 0;
        for (int i = 0; i < values.length; i++) {
            double saved = values[i];
            values[i] = saved + DEFAULT_STEP;
            double plus = objective.value();
            values[i] = saved - DEFAULT_STEP;
            double minus = objective.value();
            values[i] = saved;
            double numeric = (plus - minus) / (2 * DEFAULT_STEP);
            // A NaN on either side is as wrong as a gradient can be; NaN would slip past every comparison.
            double err = Double.isNaN(analytic[i]) || Double.isNaN(numeric)
                    ? Double.POSITIVE_INFINITY : relativeError(analytic[i], numeric);
            if (err > worst || worstIndex < 0) {
                worst = err;
                worstIndex = i;
                worstAnalytic = analytic[i];
                worstNumeric = numeric;
            }
        }
        return new Entry(name, worst, worstIndex, worstAnalytic, worstNumeric);
    }

    /** |a − n| / max(1e-8, |a| + |n|). */
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

    /** The worst relative error found for one tensor, where it was, and both derivatives there. */
    public record Entry(String name, double maxRelativeError, int worstIndex, double analytic, double numeric) {
        @Override
        public String toString() {
            return String.format("%s: max relative error %.3e at index %d (analytic %.9g, numerical %.9g)",
                    name, maxRelativeError, worstIndex, analytic, numeric);
        }
    }

    /** The result of a check: one entry per checked tensor. */
    public record Report(List<Entry> entries) {
        /** Keeps an unmodifiable copy of {@code entries}. */
        public Report {
            entries = List.copyOf(entries);
        }

        /** The largest relative error over all entries. */
        public double maxRelativeError() {
            double m = 0;
            for (Entry e : entries) {
                m = Math.max(m, e.maxRelativeError());
            }
            return m;
        }

        /** Whether every entry is below {@code threshold}. */
        public boolean passes(double threshold) {
            return maxRelativeError() < threshold;
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
