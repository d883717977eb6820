package org.nnlab.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code fit} returns: per-epoch values of the loss and each metric, like Keras's
 * {@code History.history}.
 *
 * <p>Keys are Keras's: {@code loss}, {@code accuracy}, {@code mse}, {@code mae}, and for validation
 * the same with a {@code val_} prefix. Each value is the mean over the epoch's batches, weighted
 * by batch size; the losses include the weights' penalties. When the learning rate can change
 * ({@code ReduceLROnPlateau}, {@code LearningRateScheduler}, or a schedule) {@code learning_rate}
 * holds it as Keras's callbacks log it at each epoch's end: the rate the epoch trained with, before
 * ReduceLROnPlateau lowers it; for a schedule, the rate of the next step. If training stopped early (a callback, or a loss that became NaN), the reason is
 * in {@link #stopReason()}.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private String stopReason;

    /** An empty history; {@code fit} returns a filled one. */
    public History() {
    }

    /** Appends one epoch's logs. */
    public void record(Map<String, Double> epochLogs) {
        for (Map.Entry<String, Double> e : epochLogs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** Records why training stopped before its last epoch. */
    public void stopped(String reason) {
        this.stopReason = reason;
    }

    /** The keys in the order they first appeared, e.g. {@code [loss, accuracy, val_loss, val_accuracy]}. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** Whether {@code key} was recorded. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * The per-epoch values of {@code key}.
     *
     * @throws IllegalArgumentException naming the keys that exist, if {@code key} does not
     */
    public double[] get(String key) {
        List<Double> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("History has no '" + key + "'; it has " + keys()
                    + ". Hint: validation keys (val_…) exist only when fit had validation data.");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** The last recorded value of {@code key}. */
    public double last(String key) {
        double[] v = get(key);
        return v[v.length - 1];
    }

    /** The number of completed epochs. */
    public int epochs() {
        return values.isEmpty() ? 0 : Collections.max(values.values(), (a, b) -> a.size() - b.size()).size();
    }

    /** Why training stopped early, if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** All values, as an unmodifiable map from key to per-epoch list. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A one-line summary: the epochs and each key's first and last value, e.g. {@code History(5 epochs:
     * loss 0.6931 → 0.2145, accuracy 0.5000 → 0.9300)}; every value is in {@link #asMap()}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("History(").append(epochs()).append(epochs() == 1 ? " epoch" : " epochs");
        String sep = ": ";
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            List<Double> v = e.getValue();
            sb.append(sep).append(e.getKey()).append(' ').append(ProgressBar.formatValue(v.get(0)));
            if (v.size() > 1) {
                sb.append(" → ").append(ProgressBar.formatValue(v.get(v.size() - 1)));
            }
            sep = ", ";
        }
        return sb.append(stopReason == null ? "" : "; stopped: " + stopReason).append(')').toString();
    }
}
