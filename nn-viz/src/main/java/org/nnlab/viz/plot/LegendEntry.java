package org.nnlab.viz.plot;

/**
 * One row of a legend: the series' label and how its sample is drawn, at the series' opacity
 * and line width (matplotlib draws a handle as its artist is drawn, so {@code 'ro', alpha=0.4} shows a
 * pale dot and a 3-point line a 3-point sample).
 */
public record LegendEntry(String label, SeriesKind kind, Color color, Marker marker, LineStyle lineStyle, double alpha,
                          double lineWidth) {
}
