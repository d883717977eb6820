/**
 * Renders a figure to a self-contained, deterministic SVG document; mostly internal.
 *
 * <p>Users call {@link org.nnlab.viz.plot.Figure#toSvg()} rather than this package. The one public
 * class, {@link org.nnlab.viz.svg.SvgRenderer}, is where to start reading: it places the axes with
 * the package-private {@code Layout} (a tight grid whose margins fit the tick labels, titles and
 * colorbars), then hands each axes to {@code AxesPainter}, which paints in matplotlib's order
 * through the series, legend, colorbar, text and raster painters. Numbers and text are written by
 * {@code SvgWriter}; the same figure always gives the same bytes.
 */
package org.nnlab.viz.svg;
