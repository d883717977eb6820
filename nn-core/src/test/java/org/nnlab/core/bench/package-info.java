/**
 * Benchmark commands for nn-core: programs with a {@code main} that print figures, not library API.
 *
 * <p>{@link org.nnlab.core.bench.TrainingBenchmark} prints the training throughput of the lecture's
 * 784-100-10 model at batch 32; its class comment gives the command line.
 */
package org.nnlab.core.bench;
