/**
 * Benchmark commands for nn-data: programs with a {@code main} that print figures, not library API.
 *
 * <p>{@link org.nnlab.data.bench.LoadBenchmark} times loading an MNIST-format training set, the
 * heap it keeps, and the cost of turning it into batches of doubles; its class comment gives the
 * command line.
 */
package org.nnlab.data.bench;
