/**
 * Weight penalties added to the loss, Keras's {@code keras.regularizers}: {@link
 * org.nnlab.core.regularizer.L1}, {@link org.nnlab.core.regularizer.L2} and {@link
 * org.nnlab.core.regularizer.L1L2}.
 *
 * <p>Start with {@link org.nnlab.core.regularizer.Regularizer}: a penalty and its gradient side by
 * side. A layer attaches one to a weight (Dense's {@code kernelRegularizer}, BatchNormalization's
 * {@code gammaRegularizer}, …); the training loop adds every trainable weight's penalty to the
 * loss it reports and its gradient to the weight's grad, as Keras adds {@code model.losses}.
 */
package org.nnlab.core.regularizer;
