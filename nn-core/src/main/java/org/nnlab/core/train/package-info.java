/**
 * Training: the sequential model, its {@code fit} loop, options, callbacks, history and summary.
 *
 * <p>Start with {@link org.nnlab.core.train.Sequential}, the Keras-like model: build it from
 * layers and a seed, {@code compile} it with an optimizer, a loss and metrics, then {@code fit},
 * {@code evaluate} and {@code predict}. {@link org.nnlab.core.train.FitOptions} says how it trains
 * (epochs, batch size, validation, callbacks) and {@link org.nnlab.core.train.History} is what it
 * returns. To see one training step written out (gather a batch, forward, loss and the weights'
 * penalties, zero the grads, backward, optimizer step), read the package-private {@code FitLoop}
 * next: its backward pass is planned once and runs as the reversed loop over the layers.
 *
 * <p>Besides these: {@link org.nnlab.core.train.Callback} and its implementations
 * {@link org.nnlab.core.train.EarlyStopping} (watching a typed
 * {@link org.nnlab.core.train.Monitor}), {@link org.nnlab.core.train.ReduceLROnPlateau},
 * {@link org.nnlab.core.train.LearningRateScheduler} and {@link org.nnlab.core.train.GradientNormRecorder};
 * {@link org.nnlab.core.train.Examples}, the batch-by-batch view of a dataset;
 * {@link org.nnlab.core.train.ModelSummary}, Keras's summary table; and
 * {@link org.nnlab.core.train.PerceptronRule}, which trains step units without backpropagation.
 */
package org.nnlab.core.train;
