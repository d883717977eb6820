package org.nnlab.viz.plot;

/** What kind of pyplot call made a series. */
public enum SeriesKind {
    LINE, SCATTER, STEM, BAR, HIST, IMAGE, CONTOURF, HLINE, VLINE
}
