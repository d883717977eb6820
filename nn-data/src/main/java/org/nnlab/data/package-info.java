/**
 * Datasets in memory: row-aligned features and targets, seeded shuffles and splits, standardization.
 *
 * <p>Start with {@link org.nnlab.data.Dataset}: it is an nn-core
 * {@link org.nnlab.core.train.Examples}, so it goes straight into {@code fit}; every operation
 * ({@code shuffle}, {@code split}, {@code range}, {@code select}) returns a new dataset, the same
 * seed giving the same order on every platform, and {@code oneHot} turns class indices into rows.
 * Then read {@link org.nnlab.data.Standardizer}, which fits per-column mean and scale on the
 * training data only and applies them unchanged to the rest. The loaders live in the
 * subpackages: {@code idx}, {@code mnist}, {@code csv} and {@code synthetic}.
 */
package org.nnlab.data;
