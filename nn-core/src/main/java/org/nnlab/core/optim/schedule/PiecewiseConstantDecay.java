package org.nnlab.core.optim.schedule;

import java.util.List;
import org.nnlab.core.internal.Checks;

/**
 * Constant rates between step boundaries, Keras's {@code keras.optimizers.schedules.PiecewiseConstantDecay}.
 *
 * <p>Keras 3's rule: the rate is {@code values[0]} while step ≤ {@code boundaries[0]},
 * {@code values[i]} while {@code boundaries[i-1]} &lt; step ≤ {@code boundaries[i]}, and the last
 * value once step &gt; the last boundary. Keras's example: boundaries [100000, 110000] and values
 * [1.0, 0.5, 0.1] give 1.0 for the first 100,001 steps, 0.5 for the next 10,000, then 0.1.
 *
 * @param boundaries strictly increasing steps, at least one, each ≥ 0
 * @param values one more than the boundaries, each &gt; 0
 */
public record PiecewiseConstantDecay(List<Long> boundaries, List<Double> values) implements LearningRate {

    /** @throws IllegalArgumentException if the lengths do not fit, a boundary is out of order, or a value is ≤ 0 */
    public PiecewiseConstantDecay {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
        if (boundaries.isEmpty() || values.size() != boundaries.size() + 1) {
            throw new IllegalArgumentException("PiecewiseConstantDecay needs one more value than boundaries, and at least"
                    + " one boundary, but got boundaries " + boundaries + " and values " + values + ". Hint: boundaries"
                    + " [100, 200] with values [0.1, 0.01, 0.001] use 0.1 up to step 100, 0.01 up to 200, then 0.001.");
        }
        for (int i = 0; i < boundaries.size(); i++) {
            long b = boundaries.get(i);
            Checks.atLeast("PiecewiseConstantDecay boundaries[" + i + "]", b, i == 0 ? 0 : boundaries.get(i - 1) + 1,
                    "boundaries are steps in strictly increasing order.");
        }
        for (int i = 0; i < values.size(); i++) {
            Checks.positive("PiecewiseConstantDecay values[" + i + "]", values.get(i),
                    "each value is the learning rate of one interval between boundaries.");
        }
    }

    @Override
    public double at(long step) {
        for (int i = 0; i < boundaries.size(); i++) {
            if (step <= boundaries.get(i)) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }
}
