/**
 * The figure model: figures, axes and series built with pyplot-like calls, queryable as data.
 *
 * <p>Start with {@link org.nnlab.viz.plot.Figure} (a size in inches and a grid of axes, like
 * {@code plt.subplots}; {@code toSvg} and {@code saveSvg} render it) and
 * {@link org.nnlab.viz.plot.Axes}, whose {@code plot}, {@code scatter}, {@code imshow},
 * {@code contourf}, … calls each add a {@link org.nnlab.viz.plot.Series} and return it for further
 * options. Defaults, format strings ({@link org.nnlab.viz.plot.PlotFormat}), colours
 * ({@link org.nnlab.viz.plot.Color}, {@link org.nnlab.viz.plot.Colormap}), ticks and mathtext
 * labels follow matplotlib. NaN and infinite values are skipped and counted, never fatal. This
 * package uses nothing of nn-core but its atomic file writer; drawing is left to the unexported
 * {@code org.nnlab.viz.svg}.
 */
package org.nnlab.viz.plot;
