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

/**
 * Updates parameters from their gradients; owns all per-parameter state (velocities, moments).
 *
 * <p>Each subclass documents its exact update rule, which follows Keras 3 step for step, and names
 * the state it keeps per parameter with a record of type {@code S} ({@link Adam.Moments}: momentum,
 * velocity, velocity_hat, as Keras names them). State is keyed by parameter identity and created on
 * a parameter's first update. {@link #iterations()} counts calls to {@link #step}, as Keras's
 * {@code optimizer.iterations} does; Adam's bias correction and learning-rate schedules use it.
 * Non-trainable parameters are skipped. The hyperparameters are a validated {@link OptimizerConfig},
 * {@link #config()}.
 *
 * <p>One {@link #step} is Keras 3's {@code apply}: the learning rate η of this step is read (the
 * schedule at {@link #iterations()}, or the constant rate, which {@link #setLearningRate} may have
 * changed as Keras's callbacks assign {@code optimizer.learning_rate}); the gradients are clipped
 * and the weights decayed as the {@link OptimizerOptions} say, in that order; then the subclass's
 * update runs on every trainable parameter; then the step count grows by one. With no options set
 * the clipping and decay cost nothing.
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
    /** The rate assigned by {@link #setLearningRate} or a restored snapshot; null while the config's holds. */
    private Double assignedLearningRate;
    /** Keras's {@code exclude_from_weight_decay(var_list=…)}. */
    private final Set<Parameter> excludedFromDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Whether each parameter decays, decided once per parameter as Keras caches it. */
    private final Map<Parameter, Boolean> decays = new IdentityHashMap<>();

    /** One parameter's optimizer state: arrays as long as the parameter, each named as Keras names it. */
    public interface Slots {
        /** The arrays in the optimizer's fixed order, the order of {@link Optimizer#slotNames()} and of saving. */
        double[][] arrays();
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
                    + " makes ExponentialDecay grow without bound; use a rate <= 1 or fewer steps.");
        }
        OptimizerOptions options = config().options();
        if (options.clips()) {
            clipGradients(parameters, options);
        }
        if (options.weightDecay() > 0) {
            applyWeightDecay(parameters, options, lr);
        }
        for (Parameter p : parameters) {
            if (p.trainable()) {
                S slots = state.computeIfAbsent(p, q -> newSlots(q.size()));
                double[] w = p.value().data();
                double[] g = p.grad().data();
                // Every weight's update reads only its own values, so the split never changes results.
                Parallel.forRange(w.length, MIN_WEIGHTS_PER_THREAD, (from, to) -> update(w, g, slots, t, lr, from, to));
            }
        }
        iterations = t;
    }

    /**
     * Updates {@code w[from..to)} in place from {@code g[from..to)}; each index on its own.
     *
     * @param slots this parameter's state, as made by {@link #newSlots}
     * @param t the 1-based number of this step
     * @param learningRate the step size for this step
     */
    protected abstract void update(double[] w, double[] g, S slots, long t, double learningRate, int from, int to);

    /** Fresh state for a parameter of {@code size} values, every array at its starting value. */
    protected abstract S newSlots(int size);

    /** The state held by {@code arrays}, given in {@link #slotNames()} order (a restored snapshot's). */
    protected abstract S slotsOf(double[][] arrays);

    /** The names of the state arrays kept per parameter, in order, e.g. {@code [momentum, velocity]}. */
    public abstract List<String> slotNames();

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
                    double[] g = p.grad().data();
                    double l2norm = Math.sqrt(sumOfSquares(g));
                    double divisor = Math.max(l2norm, clipnorm);
                    for (int i = 0; i < g.length; i++) {
                        g[i] = g[i] * clipnorm / divisor;
                    }
                }
            }
        } else if (options.globalClipnorm() != null) {
            double clipNorm = options.globalClipnorm();
            double squaredNorm = 0;
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    squaredNorm += sumOfSquares(p.grad().data());
                }
            }
            double useNorm = Math.sqrt(squaredNorm);
            // clip_by_global_norm: a no-op scale of 1 below the norm; (N − N) makes it NaN for an infinite or NaN N.
            double scale = clipNorm * Math.min(1.0 / useNorm, 1.0 / clipNorm) + (useNorm - useNorm);
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    double[] g = p.grad().data();
                    for (int i = 0; i < g.length; i++) {
                        g[i] = g[i] * scale;
                    }
                }
            }
        } else {
            double v = options.clipvalue();
            for (Parameter p : parameters) {
                if (p.trainable()) {
                    double[] g = p.grad().data();
                    for (int i = 0; i < g.length; i++) {
                        g[i] = Math.min(Math.max(g[i], -v), v); // ops.clip(g, −v, v); NaN stays NaN
                    }
                }
            }
        }
    }

    private static double sumOfSquares(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return s;
    }

    /** Keras's {@code _apply_weight_decay}: w ← w − w·λ·η on every trainable parameter not excluded. */
    private void applyWeightDecay(List<Parameter> parameters, OptimizerOptions options, double lr) {
        double wd = options.weightDecay();
        for (Parameter p : parameters) {
            if (p.trainable() && decays.computeIfAbsent(p, q -> !excludedFromDecay.contains(q)
                    && !options.excludes(q.name()))) {
                double[] w = p.value().data();
                for (int i = 0; i < w.length; i++) {
                    w[i] = w[i] - w[i] * wd * lr;
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
     * step count, and one {@code double[][]} of slot arrays per parameter (empty for parameters not
     * yet updated).
     */
    public final Snapshot snapshot(List<Parameter> parameters) {
        List<double[][]> slots = new ArrayList<>();
        for (Parameter p : parameters) {
            S s = state.get(p);
            double[][] arrays = s == null ? new double[0][] : s.arrays();
            double[][] copy = new double[arrays.length][];
            for (int i = 0; i < arrays.length; i++) {
                copy[i] = arrays[i].clone();
            }
            slots.add(copy);
        }
        return new Snapshot(kerasName(), iterations, slots,
                assignedLearningRate == null ? Double.NaN : assignedLearningRate);
    }

    /**
     * Restores a {@link #snapshot} onto {@code parameters} (same order and sizes), so that training
     * resumes exactly where it stopped.
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
            double[][] s = snapshot.slots().get(i);
            if (s.length == 0) {
                continue;
            }
            List<String> names = slotNames();
            if (s.length != names.size()) {
                throw new IllegalArgumentException("Optimizer state for " + p.name() + " has " + s.length
                        + " slots but " + kerasName() + " keeps " + names.size() + " " + names + "." + SAME_MODEL_HINT);
            }
            double[][] copy = new double[s.length][];
            for (int k = 0; k < s.length; k++) {
                if (s[k].length != p.size()) {
                    throw new IllegalArgumentException("Optimizer state " + names.get(k) + " for " + p.name() + " has "
                            + s[k].length + " values but the parameter has " + p.size() + "." + SAME_MODEL_HINT);
                }
                copy[k] = s[k].clone();
            }
            restored.put(p, slotsOf(copy));
        }
        state.clear();
        state.putAll(restored);
        iterations = snapshot.iterations();
        assignedLearningRate = Double.isNaN(snapshot.learningRate()) ? null : snapshot.learningRate();
    }

    /**
     * Saved optimizer state: whose it is, the step count, each parameter's slot arrays, and the
     * learning rate a callback assigned.
     *
     * @param kind the Keras name of the optimizer that took it, e.g. {@code "adam"}
     * @param learningRate the constant rate assigned by {@link #setLearningRate}, or NaN when the
     *     config's learning rate (constant or schedule) holds
     */
    public record Snapshot(String kind, long iterations, List<double[][]> slots, double learningRate) {
        /** Keeps an unmodifiable copy of the list; the slot arrays themselves are shared, not copied. */
        public Snapshot {
            Objects.requireNonNull(kind, "kind");
            slots = List.copyOf(slots);
        }

        /** A snapshot in which the config's learning rate holds. */
        public Snapshot(String kind, long iterations, List<double[][]> slots) {
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
