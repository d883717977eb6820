package org.nnlab.dsl;

import static org.nnlab.dsl.Nn.RELU;
import static org.nnlab.dsl.Nn.SIGMOID;
import static org.nnlab.dsl.Nn.SOFTMAX;

/** The lecture's models, each a few lines of DSL, shared by the tests. */
final class LectureModels {
    private LectureModels() {
    }

    /** Logistic regression: 2 inputs → 1 sigmoid unit. */
    static LayerStage logisticRegression() {
        return Nn.input(2).dense(1, SIGMOID);
    }

    /** The 2-2-1 sigmoid classifier (XOR). */
    static LayerStage sigmoid221() {
        return Nn.input(2).dense(2, SIGMOID).dense(1, SIGMOID);
    }

    /** ReLU regression with {@code hidden} units and an output without bias. */
    static LayerStage reluRegression(int hidden) {
        return Nn.input(1).dense(hidden, RELU).dense(1, d -> d.noBias());
    }

    /** The MNIST classifier: 28×28 → flatten → 100 relu → 10 softmax. */
    static LayerStage mnist() {
        return Nn.input(28, 28).flatten().dense(100, RELU).dense(10, SOFTMAX);
    }

    /** The deep sigmoid regressor 1 → 30 → 100 → 100 → 30 → 1. */
    static LayerStage deepSigmoid() {
        return Nn.input(1).dense(30, SIGMOID).dense(100, SIGMOID).dense(100, SIGMOID).dense(30, SIGMOID).dense(1);
    }

    /** The deep regressor with batch normalization after each hidden layer. */
    static LayerStage deepSigmoidBatchNorm() {
        return Nn.input(1)
                .dense(30, SIGMOID).batchNormalization()
                .dense(100, SIGMOID).batchNormalization()
                .dense(100, SIGMOID).batchNormalization()
                .dense(30, SIGMOID).batchNormalization()
                .dense(1);
    }

    /** The deep regressor with dropout 0.2 after each hidden layer. */
    static LayerStage deepSigmoidDropout() {
        return Nn.input(1)
                .dense(30, SIGMOID).dropout(0.2)
                .dense(100, SIGMOID).dropout(0.2)
                .dense(100, SIGMOID).dropout(0.2)
                .dense(30, SIGMOID).dropout(0.2)
                .dense(1);
    }
}
