/**
 * The typed DSL: declare a sequential network line by line, as the lecture's Keras code does.
 *
 * <p>Start with {@link org.nnlab.dsl.Nn}, the entry point: {@code Nn.input(28, 28)} returns a
 * {@link org.nnlab.dsl.LayerStage} to which layers are added, and {@code compile(optimizer, loss,
 * metrics)} moves to a {@link org.nnlab.dsl.TrainingStage}; the stages make a layer before the
 * input a compile error. Then read {@link org.nnlab.dsl.Model}, which compiles the finished spec
 * onto nn-core's {@link org.nnlab.core.train.Sequential} and fits, evaluates, predicts, saves and
 * loads it. {@link org.nnlab.dsl.Optimizers} gives the optimizers with Keras's defaults;
 * {@link org.nnlab.dsl.DenseOptions}, {@link org.nnlab.dsl.BatchNormOptions} and
 * {@link org.nnlab.dsl.FitConfig} hold the options set inside a call's lambda.
 *
 * <p>The DSL owns no maths: it builds an immutable {@link org.nnlab.dsl.spec.ModelSpec}, validates
 * it whole, and leaves every computation to nn-core.
 */
package org.nnlab.dsl;
