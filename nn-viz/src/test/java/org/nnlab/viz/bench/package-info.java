/**
 * Benchmark commands for nn-viz: programs with a {@code main} that print figures, not library API.
 *
 * <p>{@link org.nnlab.viz.bench.PlotBenchmark} times building and rendering a 10,000-point scatter
 * and two 200 × 200 filled-contour maps; its class comment gives the command line.
 */
package org.nnlab.viz.bench;
