/**
 * A model as immutable data made of nn-core's own configuration types, checked by nn-core's rules.
 *
 * <p>Start with {@link org.nnlab.dsl.spec.ModelSpec}, a whole model: an input
 * {@link org.nnlab.dsl.spec.Shape}, nn-core's layer configs ({@code Dense.Config}, …) and an optional
 * {@link org.nnlab.dsl.spec.TrainingSpec} (nn-core's optimizer config, loss, metrics and fit
 * options). Its constructor applies core's rules (names, shapes, output/loss compatibility) with
 * core's messages, so a spec that exists is one nn-core builds and trains, and its summary is the
 * table a built model prints.
 */
package org.nnlab.dsl.spec;
