/**
 * MNIST-format datasets: the built-in 10,000 digits, folders of IDX files, and lookup by name.
 *
 * <p>Start with {@link org.nnlab.data.mnist.MnistDataset}: {@code builtin()} needs no download,
 * {@code load(folder)} reads MNIST, Fashion-MNIST, Kuzushiji-MNIST or EMNIST, and
 * {@code named(name)} goes through {@link org.nnlab.data.mnist.DatasetResolver}, which tries an
 * explicit folder, {@code $NNLAB_DATA}, {@code ~/.nnlab/datasets} and Debian's folder, and lists
 * every place tried when none holds the data. Each split is a
 * {@link org.nnlab.data.mnist.LabeledImages}: pixels kept as bytes and scaled to [0, 1] one batch
 * at a time.
 */
package org.nnlab.data.mnist;
