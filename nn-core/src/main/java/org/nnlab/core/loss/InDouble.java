package org.nnlab.core.loss;

import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;

/**
 * How a loss reads and writes tensors: in double, whatever the model's precision.
 *
 * <p>A loss sees one batch of outputs, {@code batch × units} values (320 for the lecture's model),
 * so computing it in double costs nothing measurable, and it keeps the logarithms and the clipping
 * at ε = 1e-7 exact: Keras's mixed-precision guide likewise keeps the loss in float32 for a float16
 * model. The value is a double either way; the gradient is rounded once to the predictions'
 * precision, so a float32 model backpropagates float32 tensors.
 */
final class InDouble {
    private InDouble() {
    }

    /** The values of {@code t} as doubles: its own array when it is float64, else a converted copy. */
    static double[] values(Tensor t) {
        return t.to(Precision.FLOAT64).data();
    }

    /** {@code gradient}, computed in double, in the precision of the {@code predictions} it belongs to. */
    static Tensor like(Tensor predictions, Tensor gradient) {
        return gradient.to(predictions.precision());
    }
}
