package org.nnlab.viz.plot;

/**
 * A series that maps values to colours through a colormap, and so can have a colorbar.
 */
public interface Mappable {
    /** The colormap. */
    Colormap cmap();

    /** The value drawn with the colormap's first colour. */
    double vmin();

    /** The value drawn with the colormap's last colour. */
    double vmax();

    /** The band boundaries for filled contours (ascending), or null for a continuous mapping. */
    double[] levels();

    /** The colour of value {@code v}; null for NaN or, with levels, outside the outermost levels. */
    Color colorOf(double v);
}
