package org.nnlab.viz.plot;

/**
 * One row of a legend: the series' label and how its sample is drawn, at the series' opacity
 * (matplotlib draws a handle as its artist is drawn, so {@code 'ro', alpha=0.4} shows a pale dot).
 */
public record LegendEntry(String label, SeriesKind kind, Color color, Marker marker, LineStyle lineStyle, double alpha) {
}
