/**
 * How a layer's weights get their first values, with Keras's formulas.
 *
 * <p>Everything is in {@link org.nnlab.core.init.Initializer}: Glorot (Xavier) and He, each
 * uniform and truncated normal, and the constants, as shared instances such as
 * {@link org.nnlab.core.init.Initializer#GLOROT_UNIFORM} (the {@code Dense} kernel default) and
 * {@link org.nnlab.core.init.Initializer#ZEROS} (the bias default). Every draw comes from the
 * generator the model's seed fixes.
 */
package org.nnlab.core.init;
