/**
 * A model as immutable data: layer, optimizer, training and callback specs that validate themselves.
 *
 * <p>Start with {@link org.nnlab.dsl.spec.ModelSpec}, a whole model whose constructor checks every
 * layer against the shape before it, so a spec that exists can be built and trained. Then
 * {@link org.nnlab.dsl.spec.LayerSpec}, the closed family of layers (dense, activation, flatten,
 * dropout, batch normalization) that each know their output shape and parameter count, and
 * {@link org.nnlab.dsl.spec.LayerTable}, which infers shapes and Keras's automatic names one layer
 * at a time and reports a mistake naming the layer. Hyperparameters are records with validating
 * constructors ({@link org.nnlab.dsl.spec.AdamSpec}, {@link org.nnlab.dsl.spec.FitSpec}, …) whose
 * javadoc cites Keras's defaults; {@link org.nnlab.dsl.spec.LossKind} names the losses and knows
 * which output layer and targets each one needs.
 */
package org.nnlab.dsl.spec;
