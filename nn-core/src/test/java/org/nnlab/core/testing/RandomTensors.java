package org.nnlab.core.testing;

import java.util.SplittableRandom;
import org.nnlab.core.tensor.Tensor;

/** Seeded random tensors for tests. */
public final class RandomTensors {
    private RandomTensors() {
    }

    /** A float64 tensor of {@code shape} with values uniform in [lo, hi), the same for the same seed. */
    public static Tensor uniform(long seed, double lo, double hi, int... shape) {
        Tensor t = Tensor.zeros(shape);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = rng.nextDouble(lo, hi);
        }
        return t;
    }
}
