/**
 * The typed DSL: declare a sequential network line by line, as the lecture's Keras code does.
 *
 * <p>Start with {@link org.nnlab.dsl.Nn}, the entry point and, imported with
 * {@code import static org.nnlab.dsl.Nn.*}, every common name: {@code input(28, 28)} returns a
 * {@link org.nnlab.dsl.LayerStage} to which layers are added, and {@code compile(optimizer, loss,
 * metrics)} moves to a {@link org.nnlab.dsl.TrainingStage}; the stages make a layer before the
 * input a compile error. Then read {@link org.nnlab.dsl.Model}, which compiles the finished spec
 * onto nn-core's {@link org.nnlab.core.train.Sequential} and fits
 * ({@code model.fit(x, y, f -> f.epochs(500).verbose(0))}), evaluates, predicts, saves and loads it.
 *
 * <p>The DSL owns no maths and no rules: its specs are made of nn-core's configuration types
 * (layer configs, optimizer configs, losses, fit options) and every check is nn-core's own.
 */
package org.nnlab.dsl;
