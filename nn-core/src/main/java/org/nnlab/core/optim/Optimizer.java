package org.nnlab.core.optim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.optim.schedule.Constant;
import org.nnlab.core.optim.schedule.LearningRate;
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
 * {@code optimizer.iterations} does; Adam's bias correction and learning-rate schedules use it.
 * Non-trainable parameters are skipped. The hyperparameters are a validated {@link OptimizerConfig},
 * {@link #config()}.
 *
 * <p>One {@link #step} is Keras 3's {@code apply}: the learning rate η of this step is read (the
 * schedule at {@link #iterations()}, or the constant rate, which {@link #setLearningRate} may have
 * changed as Keras's callbacks assign {@code optimizer.learning_rate}); the gradients are clipped
 * and the weights decayed as the {@link OptimizerOptions} say, in that order; then the subclass's
 * update runs on every trainable parameter; then the step count grows by one. With no options set
 * the clipping and decay cost nothing. Clipping and decay run in the parameter's precision too, as
 * Keras casts the clip norm, decay and learning rate to the variable's dtype; norms are summed in
 * double.
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
    /** The rate assigned by {@link #setLearningRate} or a restored snapshot; null while the config's holds. */
    private Double assignedLearningRate;
    /** Keras's {@code exclude_from_weight_decay(var_list=…)}. */
    private final Set<Parameter> excludedFromDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether each parameter decays, decided once per parameter as Keras caches it. */
    private final Map<Parameter, Boolean> decays = new IdentityHashMap<>();

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

    /**
     * Applies one update to every trainable parameter from its current grad: clipping, weight decay,
     * then the optimizer's rule, as Keras's {@code apply} orders them.
     *
     * @throws IllegalStateException if a schedule gives a learning rate that is negative, NaN or infinite
     */
    public final void step(List<Parameter> parameters) {
        long t = iterations + 1;
        double lr = learningRate();
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalStateException(kerasName() + "'s learning rate " + config().learningRate() + " gives " + lr
                    + " at step " + iterations + "; a learning rate must be finite and >= 0. Hint: a decayRate above 1"
                    + " (ExponentialDecay) or an mMul above 1 (CosineDecayRestarts) makes the rate grow without bound;"
                    + " use a value <= 1 or fewer steps.");
        }
        OptimizerOptions options = config().options();
        if (options.clips()) {
            clipGradients(parameters, options);
        }
        if (options.weightDecay() > 0) {
            applyWeightDecay(parameters, options, lr);
        }
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
     * The flush of a moment: {@code (x + FLUSH64) - FLUSH64} (in float32, {@code FLUSH32}) rounds x to
     * a multiple of 2⁻¹⁰²² (float64) or 2⁻¹⁰³ (float32) when it is far too small to move any weight:
     * |x| below half of that quantum becomes 0, |x| &gt; 2⁻⁹¹⁶ (2⁻⁵⁶) is returned exactly, and nothing
     * between is subnormal. So a moment decaying towards 0 (a weight whose gradient stays 0, such as a
     * background pixel's) stops at 0 or at that quantum and never becomes a subnormal number: on x86
     * an operation on subnormal floats runs 2–3× slower, and Adam's update of the lecture's 78,400
     * float32 weights took 88 µs instead of 30 with 9% of its momenta subnormal. This is what
     * PyTorch's {@code set_flush_denormal(True)} does in hardware; Java cannot set it. Values that
     * matter are kept exactly (the rule tests compare to 1e-12), and a flushed one would have moved
     * its weight by less than 1e-30.
     *
     * <p>The update loops write the two additions out rather than call a helper: a loop that calls
     * nothing but intrinsics ({@code Math.sqrt}, {@code Math.max}) is inlined whole or not at all. A
     * helper call inside it was once left out-of-line: {@code Optimizer.step} is inlined last into the
     * fit loop's large {@code trainStep} compilation, and when C2's node budget ran out there
     * ({@code NodeCountInliningCutoff} in {@code -XX:+PrintInlining}) the loop called the helper per
     * weight, unvectorized, and Adam's step took 300 µs instead of 85 for the rest of the run, in
     * about half the runs (BENCHMARKS.md, issue 18).
     */
    protected static final double FLUSH64 = 0x1p-970;
    /** {@link #FLUSH64} for float32 moments. */
    protected static final float FLUSH32 = 0x1p-80f;

    /**
     * Keras's {@code _clip_gradients}: clipnorm per parameter, or globalClipnorm over all trainable
     * parameters together, or clipvalue per value; in place on each trainable parameter's grad.
     */
    private static void clipGradients(List<Parameter> parameters, OptimizerOptions options) {
        if (options.clipnorm() != null) {
            double clipnorm = options.clipnorm();
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    // Keras's _clip_by_norm: g · c / max(‖g‖, c), with ‖g‖ = 0 for a zero gradient.
                    Tensor g = p.grad();
                    double l2norm = Math.sqrt(g.sumOfSquares());
                    double divisor = Math.max(l2norm, clipnorm);
                    if (g.precision() == Precision.FLOAT32) {
                        clipByNorm(g.floatData(), (float) clipnorm, (float) divisor);
                    } else {
                        clipByNorm(g.data(), clipnorm, divisor);
                    }
                }
            }
        } else if (options.globalClipnorm() != null) {
            double clipNorm = options.globalClipnorm();
            double squaredNorm = 0;
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    squaredNorm += p.grad().sumOfSquares();
                }
            }
            double useNorm = Math.sqrt(squaredNorm);
            // clip_by_global_norm: a no-op scale of 1 below the norm; (N − N) makes it NaN for an infinite or NaN N.
            double scale = clipNorm * Math.min(1.0 / useNorm, 1.0 / clipNorm) + (useNorm - useNorm);
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    Tensor g = p.grad();
                    if (g.precision() == Precision.FLOAT32) {
                        multiply(g.floatData(), (float) scale);
                    } else {
                        multiply(g.data(), scale);
                    }
                }
            }
        } else {
            double v = options.clipvalue();
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    Tensor g = p.grad();
                    if (g.precision() == Precision.FLOAT32) {
                        clipValues(g.floatData(), (float) v);
                    } else {
                        clipValues(g.data(), v);
                    }
                }
            }
        }
    }

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /** Keras's {@code _clip_by_norm} once the norm is known: g ← g · c / d. */
    private static void clipByNorm(double[] g, double clipnorm, double divisor) {
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i] * clipnorm / divisor;
        }
    }

    /** g ← g · scale, {@code clip_by_global_norm}'s rescaling. */
    private static void multiply(double[] g, double scale) {
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i] * scale;
        }
    }

    /** {@code ops.clip(g, −v, v)}; NaN stays NaN. */
    private static void clipValues(double[] g, double v) {
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.min(Math.max(g[i], -v), v);
        }
    }

    /** w ← w − w·λ·η, Keras's decoupled weight decay. */
    private static void decay(double[] w, double weightDecay, double lr) {
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] - w[i] * weightDecay * lr;
        }
    }
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /** Keras's {@code _clip_by_norm} once the norm is known: g ← g · c / d. */
    private static void clipByNorm(float[] g, float clipnorm, float divisor) {
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i] * clipnorm / divisor;
        }
    }

    /** g ← g · scale, {@code clip_by_global_norm}'s rescaling. */
    private static void multiply(float[] g, float scale) {
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i] * scale;
        }
    }

    /** {@code ops.clip(g, −v, v)}; NaN stays NaN. */
    private static void clipValues(float[] g, float v) {
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.min(Math.max(g[i], -v), v);
        }
    }

    /** w ← w − w·λ·η, Keras's decoupled weight decay. */
    private static void decay(float[] w, float weightDecay, float lr) {
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] - w[i] * weightDecay * lr;
        }
    }
    // [end float32]

    /** Keras's {@code _apply_weight_decay}: w ← w − w·λ·η on every trainable parameter not excluded. */
    private void applyWeightDecay(List<Parameter> parameters, OptimizerOptions options, double lr) {
        double wd = options.weightDecay();
        for (Parameter p : parameters) {
            if (p.trainable() && decays.computeIfAbsent(p, q -> !excludedFromDecay.contains(q)
                    && !options.excludes(q.name()))) {
                if (p.precision() == Precision.FLOAT32) {
                    decay(p.value().floatData(), (float) wd, (float) lr);
                } else {
                    decay(p.value().data(), wd, lr);
                }
            }
        }
    }

    /**
     * The learning rate of the next step: the schedule at {@link #iterations()}, or the constant
     * rate (the config's, unless {@link #setLearningRate} assigned another), as Keras's
     * {@code optimizer.learning_rate} reads.
     */
    public final double learningRate() {
        return assignedLearningRate != null ? assignedLearningRate : config().learningRate().at(iterations);
    }

    /** Whether the learning rate follows a schedule of the step rather than a constant. */
    public final boolean hasSchedule() {
        return !(config().learningRate() instanceof Constant);
    }

    /**
     * Assigns a new constant learning rate from the next step on, as Keras's callbacks assign
     * {@code optimizer.learning_rate}; it is saved with the optimizer's state.
     *
     * @throws IllegalStateException if the learning rate follows a schedule, which Keras refuses too
     * @throws IllegalArgumentException if {@code value} is not finite and &gt; 0
     */
    public final void setLearningRate(double value) {
        if (hasSchedule()) {
            throw new IllegalStateException(kerasName() + " was created with the learning rate schedule "
                    + config().learningRate() + ", so its learning rate is not settable, as in Keras. Hint: give the"
                    + " optimizer a constant learning rate to change it from a callback, or use the schedule alone.");
        }
        assignedLearningRate = Checks.positive(kerasName() + " learningRate", value,
                "a learning rate scales every step and must stay > 0.");
    }

    /**
     * Exempts {@code parameters} from weight decay, Keras's {@code exclude_from_weight_decay(var_list=…)};
     * replaces an earlier list. Name patterns are in the config's {@link OptimizerOptions}.
     *
     * @throws IllegalStateException after the first step or a restore, as Keras allows it only before
     *     the optimizer is built
     */
    public final void excludeFromWeightDecay(Collection<Parameter> parameters) {
        if (!state.isEmpty() || iterations > 0) {
            throw new IllegalStateException("excludeFromWeightDecay can only be configured before " + kerasName()
                    + " takes its first step, as in Keras. Hint: call it right after creating the optimizer.");
        }
        excludedFromDecay.clear();
        excludedFromDecay.addAll(parameters);
        decays.clear();
    }

    /** The parameters {@link #excludeFromWeightDecay(Collection)} exempted, in no order; empty for none. */
    public final Set<Parameter> excludedFromWeightDecay() {
        Set<Parameter> copy = Collections.newSetFromMap(new IdentityHashMap<>());
        copy.addAll(excludedFromDecay);
        return Collections.unmodifiableSet(copy);
    }

    /**
     * Checks this optimizer's weight-decay exclusions against a model's parameters: every name
     * pattern must match one of them, and every excluded parameter must be one of them.
     *
     * @throws IllegalArgumentException naming the pattern or parameter, and the model's parameter names
     */
    public final void checkExclusions(List<Parameter> parameters) {
        List<String> names = parameters.stream().map(Parameter::name).toList();
        config().checkExclusions(names);
        Set<Parameter> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(parameters);
        for (Parameter p : excludedFromDecay) {
            if (!own.contains(p)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + " excludes " + p.name()
                        + " from weight decay, but it is not a parameter of this model, whose parameters are " + names
                        + ". Hint: exclude the model's own parameters, e.g. model.parameters().");
            }
        }
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
        return new Snapshot(kerasName(), iterations, slots,
                assignedLearningRate == null ? Double.NaN : assignedLearningRate);
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
        if (!Double.isNaN(snapshot.learningRate()) && hasSchedule()) {
            throw new IllegalArgumentException("Optimizer state assigns the learning rate " + snapshot.learningRate()
                    + " but " + kerasName() + " follows the schedule " + config().learningRate() + "." + SAME_MODEL_HINT);
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
        assignedLearningRate = Double.isNaN(snapshot.learningRate()) ? null : snapshot.learningRate();
    }

    /**
     * Saved optimizer state: whose it is, the step count, each parameter's slot tensors (in the
     * parameter's precision), and the learning rate a callback assigned.
     *
     * @param kind the Keras name of the optimizer that took it, e.g. {@code "adam"}
     * @param learningRate the constant rate assigned by {@link #setLearningRate}, or NaN when the
     *     config's learning rate (constant or schedule) holds
     */
    public record Snapshot(String kind, long iterations, List<Tensor[]> slots, double learningRate) {
        /** Keeps an unmodifiable copy of the list; the slot tensors themselves are shared, not copied. */
        public Snapshot {
            Objects.requireNonNull(kind, "kind");
            slots = List.copyOf(slots);
        }

        /** A snapshot in which the config's learning rate holds. */
        public Snapshot(String kind, long iterations, List<Tensor[]> slots) {
            this(kind, iterations, slots, Double.NaN);
        }
    }

    /** The kind and hyperparameters, e.g. {@code Adam[learningRate=0.001, beta1=0.9, …]}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + config().toString().substring("Config".length());
    }

    /**
     * The learning-rate rule every optimizer shares, with Keras's default for this one in the hint:
     * a constant must be finite and &gt; 0; a schedule has checked its own parameters.
     */
    static LearningRate checkLearningRate(String optimizer, LearningRate value, double kerasDefault) {
        Objects.requireNonNull(value, optimizer + " learningRate");
        if (value instanceof Constant c) {
            Checks.positive(optimizer + " learningRate", c.value(), "the learning rate scales every step; Keras uses "
                    + kerasDefault + " for " + optimizer + ", and 0.01 to 0.1 trains the lecture's small models fast.");
        }
        return value;
    }
}
