package org.nnlab.viz.plot;

/**
 * One row of a legend: the series' label and how its sample is drawn.
 */
public record LegendEntry(String label, SeriesKind kind, Color color, Marker marker, LineStyle lineStyle) {
}
