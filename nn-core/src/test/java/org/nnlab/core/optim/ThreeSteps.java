package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.tensor.Tensor;

/**
 * The scenario every optimizer is checked on: w = [1, −2] and three known gradients.
 *
 * <p>The expected weights in the optimizer tests come from {@code keras3_reference.py} (test
 * resources), an independent numpy transcription of the update rules in Keras 3's
 * {@code keras/src/optimizers/*.py}; the SGD ones are also easy to follow by hand. A frozen
 * parameter with a non-zero gradient rides along and must never change.
 */
final class ThreeSteps {
    static final double[] START = {1.0, -2.0};
    static final double[][] GRADIENTS = {{0.5, -1.0}, {0.2, 0.4}, {-0.3, 0.1}};
    /** Weights agree with the reference to this many units of absolute error. */
    static final double TOLERANCE = 1e-12;

    private ThreeSteps() {
    }

    /** Runs three steps and checks the weights after each against {@code expected[step]}. */
    static void assertSteps(Optimizer<?> optimizer, double[][] expected) {
        Parameter w = new Parameter("w", Tensor.vector(START), true);
        Parameter frozen = new Parameter("frozen", Tensor.vector(3.0, 4.0), false);
        List<Parameter> parameters = List.of(w, frozen);
        for (int step = 0; step < GRADIENTS.length; step++) {
            w.zeroGrad();
            System.arraycopy(GRADIENTS[step], 0, w.grad().data(), 0, 2);
            frozen.grad().data()[0] = 1.0;
            frozen.grad().data()[1] = -1.0;
            optimizer.step(parameters);
            assertArrayEquals(expected[step], w.value().data(), TOLERANCE,
                    optimizer + " after step " + (step + 1));
            assertArrayEquals(new double[] {3.0, 4.0}, frozen.value().data(), 0.0,
                    "a non-trainable parameter must not move");
        }
        assertEquals(GRADIENTS.length, optimizer.iterations());
    }
}
