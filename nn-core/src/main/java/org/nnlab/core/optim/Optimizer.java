package org.nnlab.core.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.core.internal.Parallel;
import org.nnlab.core.layer.Parameter;

/**
 * Updates parameters from their gradients; owns all per-parameter state (velocities, moments).
 *
 * <p>Each subclass documents its exact update rule, which follows Keras 3 step for step. State is
 * keyed by parameter identity and created on a parameter's first update. {@link #iterations()}
 * counts calls to {@link #step}, as Keras's {@code optimizer.iterations} does; Adam's bias
 * correction uses it. Non-trainable parameters are skipped.
 */
public abstract class Optimizer {
    /**
     * Below this many weights per thread a parameter is updated by the calling thread alone (the
     * lecture's 78,400-weight kernel takes about 70 µs with Adam: too short to pay for a hand-off).
     */
    private static final int MIN_WEIGHTS_PER_THREAD = 65_536;
    private final double learningRate;
    private final Map<Parameter, double[][]> state = new IdentityHashMap<>();
    private long iterations;

    /**
     * An optimizer with the given step size.
     *
     * @throws IllegalArgumentException if {@code learningRate} is not a finite number &gt; 0
     */
    protected Optimizer(double learningRate) {
        this.learningRate = requirePositive("learningRate", learningRate);
    }

    /** Applies one update to every trainable parameter from its current grad. */
    public final void step(List<Parameter> parameters) {
        long t = iterations + 1;
        for (Parameter p : parameters) {
            if (p.trainable()) {
                double[][] slots = state.computeIfAbsent(p, q -> newSlots(q.size()));
                double[] w = p.value().data();
                double[] g = p.grad().data();
                // Every weight's update reads only its own values, so the split never changes results.
                Parallel.forRange(w.length, MIN_WEIGHTS_PER_THREAD, (from, to) -> update(w, g, slots, t, from, to));
            }
        }
        iterations = t;
    }

    /**
     * Updates {@code w[from..to)} in place from {@code g[from..to)}; each index on its own.
     *
     * @param slots this parameter's state arrays, as made by {@link #newSlots}
     * @param t the 1-based number of this step
     */
    protected abstract void update(double[] w, double[] g, double[][] slots, long t, int from, int to);

    /** Fresh state arrays for a parameter of {@code size} values (e.g. Adam: {m, v}). */
    protected abstract double[][] newSlots(int size);

    /** The learning rate. */
    public final double learningRate() {
        return learningRate;
    }

    /** The number of steps taken. */
    public final long iterations() {
        return iterations;
    }

    /** The Keras name, e.g. {@code "adam"}. */
    public abstract String kerasName();

    /**
     * A copy of the state for {@code parameters}, in order, for saving: one {@code double[][]} of
     * slot arrays per parameter (empty for parameters not yet updated).
     */
    public final Snapshot snapshot(List<Parameter> parameters) {
        List<double[][]> slots = new ArrayList<>();
        for (Parameter p : parameters) {
            double[][] s = state.get(p);
            double[][] copy = s == null ? new double[0][] : new double[s.length][];
            for (int i = 0; s != null && i < s.length; i++) {
                copy[i] = s[i].clone();
            }
            slots.add(copy);
        }
        return new Snapshot(iterations, slots);
    }

    /**
     * Restores a {@link #snapshot} onto {@code parameters} (same order and sizes), so that training
     * resumes exactly where it stopped.
     *
     * @throws IllegalArgumentException if the snapshot does not fit the parameters
     */
    public final void restore(List<Parameter> parameters, Snapshot snapshot) {
        if (snapshot.slots().size() != parameters.size()) {
            throw new IllegalArgumentException("Optimizer state holds " + snapshot.slots().size()
                    + " parameters but the model has " + parameters.size() + ". Hint: restore a snapshot taken from the same model (same layers, same optimizer kind).");
        }
        state.clear();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            double[][] s = snapshot.slots().get(i);
            if (s.length == 0) {
                continue;
            }
            double[][] fresh = newSlots(p.size());
            if (s.length != fresh.length) {
                throw new IllegalArgumentException("Optimizer state for " + p.name() + " has " + s.length
                        + " slots but " + kerasName() + " keeps " + fresh.length + ". Hint: restore a snapshot taken from the same model (same layers, same optimizer kind).");
            }
            for (int k = 0; k < s.length; k++) {
                if (s[k].length != p.size()) {
                    throw new IllegalArgumentException("Optimizer state slot " + k + " for " + p.name() + " has "
                            + s[k].length + " values but the parameter has " + p.size() + ". Hint: restore a snapshot taken from the same model (same layers, same optimizer kind).");
                }
                fresh[k] = s[k].clone();
            }
            state.put(p, fresh);
        }
        iterations = snapshot.iterations();
    }

    /** Saved optimizer state: the step count and each parameter's slot arrays. */
    public record Snapshot(long iterations, List<double[][]> slots) {
        /** Keeps an unmodifiable copy of the list; the slot arrays themselves are shared, not copied. */
        public Snapshot {
            slots = List.copyOf(slots);
        }
    }

    /** Checks a hyperparameter is a finite number &gt; 0 and returns it. */
    protected static double requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be > 0"
                    + (name.equals("learningRate") ? ". Hint: typical values are 0.001 for Adam and 0.01 for SGD." : ""));
        }
        return value;
    }

    /** Checks a hyperparameter lies in [0, 1) and returns it. */
    protected static double requireUnitInterval(String name, double value) {
        return requireUnitInterval(name, value, "");
    }

    /**
     * Checks a hyperparameter lies in [0, 1) and returns it.
     *
     * @param hint appended to the message, e.g. {@code "Hint: 0.9 is the usual value."}; may be empty
     */
    protected static double requireUnitInterval(String name, double value, String hint) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be in [0, 1)"
                    + (hint.isEmpty() ? "" : ". " + hint));
        }
        return value;
    }

    /** Checks a hyperparameter is a finite number &gt;= 0 and returns it. */
    protected static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " (" + value + ") must be >= 0");
        }
        return value;
    }
}
