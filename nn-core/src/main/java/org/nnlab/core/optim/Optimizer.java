package org.nnlab.core.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * Updates parameters from their gradients; owns all per-parameter state (velocities, moments).
 *
 * <p>Each subclass documents its exact update rule, which follows Keras 3 step for step, and names
 * the state it keeps per parameter with a record of type {@code S} ({@link Adam.Moments}: momentum,
 * velocity, velocity_hat, as Keras names them). State is keyed by parameter identity and created on
 * a parameter's first update, in the parameter's precision: a float32 model keeps float32 moments,
 * as Keras keeps an optimizer's variables in the dtype of the variable they belong to. Each rule is
 * written once, on {@code double[]}; its {@code float[]} overload, which float32 parameters use, is
 * generated from it. {@link #iterations()} counts calls to {@link #step}, as Keras's
 * {@code optimizer.iterations} does; Adam's bias correction uses it. Non-trainable parameters are
 * skipped. The hyperparameters are a validated {@link OptimizerConfig}, {@link #config()}.
 *
 * @param <S> the state kept per parameter
 */
public abstract class Optimizer<S extends Optimizer.Slots> {
    /**
     * Below this many weights per thread a parameter is updated by the calling thread alone (the
     * lecture's 78,400-weight kernel takes about 70 µs with Adam: too short to pay for a hand-off).
     */
    private static final int MIN_WEIGHTS_PER_THREAD = 65_536;
    private static final String SAME_MODEL_HINT =
            " Hint: restore a snapshot taken from the same model (same layers, same optimizer and options).";

    private final Map<Parameter, S> state = new IdentityHashMap<>();
    private long iterations;
    // The slots of the parameters last stepped, in their order: a model steps the same ones every time, so
    // comparing references spares a hash lookup per parameter and step.
    private Parameter[] slotsFor = new Parameter[0];
    private List<S> slots = List.of();

    /** One parameter's optimizer state: tensors as long as the parameter, each named as Keras names it. */
    public interface Slots {
        /** The tensors in the optimizer's fixed order, the order of {@link Optimizer#slotNames()} and of saving. */
        Tensor[] tensors();
    }

    /** An optimizer; subclasses pass their validated configuration to their own field. */
    protected Optimizer() {
    }

    /** The hyperparameters. */
    public abstract OptimizerConfig config();

    /** Applies one update to every trainable parameter from its current grad. */
    public final void step(List<Parameter> parameters) {
        long t = iterations + 1;
        double lr = learningRate();
        List<S> all = slotsOf(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            S slots = all.get(i);
            if (slots != null) {
                // Every weight's update reads only its own values, so the split never changes results.
                if (p.precision() == Precision.FLOAT32) {
                    float[] w = p.value().floatData();
                    float[] g = p.grad().floatData();
                    float lr32 = (float) lr;
                    Parallel.forRange(w.length, MIN_WEIGHTS_PER_THREAD,
                            (from, to) -> update(w, g, slots, t, lr32, from, to));
                } else {
                    double[] w = p.value().data();
                    double[] g = p.grad().data();
                    Parallel.forRange(w.length, MIN_WEIGHTS_PER_THREAD, (from, to) -> update(w, g, slots, t, lr, from, to));
                }
            }
        }
        iterations = t;
    }

    /** The state of each of {@code parameters} (null for a non-trainable one), created on first use. */
    private List<S> slotsOf(List<Parameter> parameters) {
        boolean same = parameters.size() == slotsFor.length;
        for (int i = 0; same && i < slotsFor.length; i++) {
            same = parameters.get(i) == slotsFor[i];
        }
        if (!same) {
            List<S> list = new ArrayList<>(parameters.size());
            for (Parameter p : parameters) {
                list.add(p.trainable() ? state.computeIfAbsent(p, q -> newSlots(q.precision(), q.size())) : null);
            }
            slots = list;
            slotsFor = parameters.toArray(Parameter[]::new);
        }
        return slots;
    }

    /**
     * Updates {@code w[from..to)} in place from {@code g[from..to)}; each index on its own.
     *
     * @param slots this parameter's state, as made by {@link #newSlots}
     * @param t the 1-based number of this step
     * @param learningRate the step size for this step
     */
    protected abstract void update(double[] w, double[] g, S slots, long t, double learningRate, int from, int to);

    /**
     * The float32 rule: {@link #update(double[], double[], Slots, long, double, int, int)} on floats,
     * generated from it.
     */
    protected abstract void update(float[] w, float[] g, S slots, long t, float learningRate, int from, int to);

    /** Fresh state for a parameter of {@code size} values in {@code precision}, every tensor at its starting value. */
    protected abstract S newSlots(Precision precision, int size);

    /** The state held by {@code tensors}, given in {@link #slotNames()} order (a restored snapshot's). */
    protected abstract S slotsOf(Tensor[] tensors);

    /** The names of the state arrays kept per parameter, in order, e.g. {@code [momentum, velocity]}. */
    public abstract List<String> slotNames();

    /**
     * Adding and subtracting these rounds x to a multiple of 2⁻¹⁰³ in float32 (2⁻¹⁰²², the smallest
     * normal double, in float64): |x| below half of that becomes 0, |x| &gt; 2⁻⁵⁶ (2⁻⁹¹⁶) is unchanged,
     * and nothing between is subnormal.
     */
    private static final double FLUSH64 = 0x1p-970;
    private static final float FLUSH32 = 0x1p-80f;

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /**
     * {@code x}, rounded to a multiple of 2⁻¹⁰³ (float32) or 2⁻¹⁰²² (float64) when it is far too small
     * to move any weight, so that a moment decaying towards 0 (a weight whose gradient stays 0, such
     * as a background pixel's) stops at 0 or at that quantum and never becomes a subnormal number: on x86 an operation on subnormal floats runs 2–3× slower, and Adam's update of the
     * lecture's 78,400 float32 weights took 88 µs instead of 30 with 9% of its momenta subnormal.
     * This is what PyTorch's {@code set_flush_denormal(True)} does in hardware; Java cannot set it.
     * Values that matter are returned exactly (the rule tests compare to 1e-12), and a flushed one
     * would have moved its weight by less than 1e-30.
     */
    protected static double flushed(double x) {
        return (x + FLUSH64) - FLUSH64;
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /**
     * {@code x}, rounded to a multiple of 2⁻¹⁰³ (float32) or 2⁻¹⁰²² (float32) when it is far too small
     * to move any weight, so that a moment decaying towards 0 (a weight whose gradient stays 0, such
     * as a background pixel's) stops at 0 or at that quantum and never becomes a subnormal number: on x86 an operation on subnormal floats runs 2–3× slower, and Adam's update of the
     * lecture's 78,400 float32 weights took 88 µs instead of 30 with 9% of its momenta subnormal.
     * This is what PyTorch's {@code set_flush_denormal(True)} does in hardware; Java cannot set it.
     * Values that matter are returned exactly (the rule tests compare to 1e-12), and a flushed one
     * would have moved its weight by less than 1e-30.
     */
    protected static float flushed(float x) {
        return (x + FLUSH32) - FLUSH32;
    }
    // [end float32]

    /** The learning rate. */
    public final double learningRate() {
        return config().learningRate();
    }

    /** The number of steps taken. */
    public final long iterations() {
        return iterations;
    }

    /** The Keras name, e.g. {@code "adam"}. */
    public final String kerasName() {
        return config().kerasName();
    }

    /**
     * A copy of the state for {@code parameters}, in order, for saving: the optimizer's kind, the
     * step count, and one array of slot tensors per parameter, in the parameter's precision (empty
     * for parameters not yet updated).
     */
    public final Snapshot snapshot(List<Parameter> parameters) {
        List<Tensor[]> slots = new ArrayList<>();
        for (Parameter p : parameters) {
            S s = state.get(p);
            Tensor[] tensors = s == null ? new Tensor[0] : s.tensors();
            Tensor[] copy = new Tensor[tensors.length];
            for (int i = 0; i < tensors.length; i++) {
                copy[i] = tensors[i].copy();
            }
            slots.add(copy);
        }
        return new Snapshot(kerasName(), iterations, slots);
    }

    /**
     * Restores a {@link #snapshot} onto {@code parameters} (same order and sizes), so that training
     * resumes exactly where it stopped. Slots are converted to each parameter's precision.
     *
     * @throws IllegalArgumentException if the snapshot is another kind of optimizer's or does not fit
     *     the parameters (count, slots, sizes); the state is then unchanged
     */
    public final void restore(List<Parameter> parameters, Snapshot snapshot) {
        if (!snapshot.kind().equals(kerasName())) {
            throw new IllegalArgumentException("Optimizer state of " + snapshot.kind() + " cannot be restored into "
                    + kerasName() + "." + SAME_MODEL_HINT);
        }
        if (snapshot.slots().size() != parameters.size()) {
            throw new IllegalArgumentException("Optimizer state holds " + snapshot.slots().size()
                    + " parameters but the model has " + parameters.size() + "." + SAME_MODEL_HINT);
        }
        Map<Parameter, S> restored = new IdentityHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Tensor[] s = snapshot.slots().get(i);
            if (s.length == 0) {
                continue;
            }
            List<String> names = slotNames();
            if (s.length != names.size()) {
                throw new IllegalArgumentException("Optimizer state for " + p.name() + " has " + s.length
                        + " slots but " + kerasName() + " keeps " + names.size() + " " + names + "." + SAME_MODEL_HINT);
            }
            Tensor[] copy = new Tensor[s.length];
            for (int k = 0; k < s.length; k++) {
                if (s[k].size() != p.size()) {
                    throw new IllegalArgumentException("Optimizer state " + names.get(k) + " for " + p.name() + " has "
                            + s[k].size() + " values but the parameter has " + p.size() + "." + SAME_MODEL_HINT);
                }
                copy[k] = Tensor.zeros(p.precision(), p.size());
                copy[k].copyFrom(s[k].reshape(p.size()));
            }
            restored.put(p, slotsOf(copy));
        }
        state.clear();
        state.putAll(restored);
        slotsFor = new Parameter[0];
        iterations = snapshot.iterations();
    }

    /**
     * Saved optimizer state: whose it is, the step count and each parameter's slot tensors.
     *
     * @param kind the Keras name of the optimizer that took it, e.g. {@code "adam"}
     */
    public record Snapshot(String kind, long iterations, List<Tensor[]> slots) {
        /** Keeps an unmodifiable copy of the list; the slot tensors themselves are shared, not copied. */
        public Snapshot {
            java.util.Objects.requireNonNull(kind, "kind");
            slots = List.copyOf(slots);
        }
    }

    /** The kind and hyperparameters, e.g. {@code Adam[learningRate=0.001, beta1=0.9, …]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + config().toString().substring("Config".length());
    }

    /** The learning-rate rule every optimizer shares, with Keras's default for this one in the hint. */
    static double checkLearningRate(String optimizer, double value, double kerasDefault) {
        return Checks.positive(optimizer + " learningRate", value, "the learning rate scales every step; Keras uses "
                + kerasDefault + " for " + optimizer + ", and 0.01 to 0.1 trains the lecture's small models fast.");
    }
}
