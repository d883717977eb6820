package org.nnlab.dsl;

import org.nnlab.dsl.spec.LayerTable;
import org.nnlab.dsl.spec.ModelSpec;
import org.nnlab.dsl.spec.Shape;

/**
 * The entry point of the DSL: declares a sequential network the way the lecture's Keras code does.
 *
 * <p>The lecture's MNIST classifier in Keras,
 * <pre>{@code
 * model = keras.models.Sequential([
 *     keras.layers.Flatten(input_shape=[28, 28]),
 *     keras.layers.Dense(100, activation="relu"),
 *     keras.layers.Dense(10, activation="softmax")])
 * model.summary()
 * model.compile(loss="sparse_categorical_crossentropy",
 *               optimizer=keras.optimizers.SGD(learning_rate=0.01), metrics=["accuracy"])
 * history = model.fit(X_train, y_train, epochs=30, validation_data=(X_valid, y_valid))
 * }</pre>
 * reads line by line (with static imports of {@code Activation.*}, {@code LossKind.*}, {@code Metric.*}):
 * <pre>{@code
 * ModelSpec spec = Nn.input(28, 28)
 *         .flatten()
 *         .dense(100, RELU)
 *         .dense(10, SOFTMAX)
 *         .compile(Optimizers.sgd().learningRate(0.01), SPARSE_CATEGORICAL_CROSSENTROPY, ACCURACY)
 *         .fit(f -> f.epochs(30))
 *         .spec();
 * System.out.print(spec.summary());                     // Total params: 79,510
 * Model model = Model.compile(spec);
 * History history = model.fit(xTrain, yTrain, xValid, yValid);
 * }</pre>
 * Other lecture models: logistic regression {@code Nn.input(2).dense(1, SIGMOID)}; a ReLU regressor
 * whose output has no bias {@code Nn.input(1).dense(4, RELU).dense(1, d -> d.noBias())}; the deep
 * regressor with batch normalization {@code Nn.input(1).dense(30, SIGMOID).batchNormalization()…}.
 *
 * <p>The stages are types: {@code Nn} offers only {@link #input}, so {@code dense} before an input
 * does not compile; {@code compile} moves from {@link LayerStage} to {@link TrainingStage}. Every
 * stage is immutable and checks each call at once, so a mistake is reported on the line that
 * makes it, with what, where, and a hint.
 */
public final class Nn {
    private Nn() {
    }

    /**
     * Starts a model whose examples have shape {@code shape} (without the batch axis), like
     * Keras's {@code input_shape=[28, 28]}.
     *
     * @throws IllegalArgumentException if the shape is empty or has a dimension ≤ 0
     */
    public static LayerStage input(int... shape) {
        return new LayerStage(ModelSpec.DEFAULT_NAME, ModelSpec.DEFAULT_SEED, LayerTable.start(Shape.of(shape)));
    }
}
