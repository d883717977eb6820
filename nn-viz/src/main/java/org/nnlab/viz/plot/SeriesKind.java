package org.nnlab.viz.plot;

/** What kind of pyplot call made a series. */
public enum SeriesKind {
    /** A line with optional markers, from {@link Axes#plot}. */
    LINE,
    /** Points with a marker each, from {@link Axes#scatter}. */
    SCATTER,
    /** Stems from a baseline to each point, from {@link Axes#stem}. */
    STEM,
    /** Bars of given heights, from {@link Axes#bar}. */
    BAR,
    /** Bars counting the values in each bin, from {@link Axes#hist}. */
    HIST,
    /** A raster of coloured pixels, from {@link Axes#imshow}. */
    IMAGE,
    /** Filled colour bands between levels, from {@link Axes#contourf}. */
    CONTOURF,
    /** Lines where grid values cross a level, from {@link Axes#contour}. */
    CONTOUR,
    /** A horizontal reference line across the axes, from {@link Axes#axhline}. */
    HLINE,
    /** A vertical reference line across the axes, from {@link Axes#axvline}. */
    VLINE
}
