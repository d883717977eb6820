/**
 * nn-viz: plots, neural-network figures and HTML reports, written as SVG.
 *
 * <p>{@code org.nnlab.viz.svg}, the renderer behind {@code Figure.toSvg}, is not exported.
 */
module org.nnlab.viz {
    requires transitive org.nnlab.core;
    requires java.desktop; // rasters (heatmaps, image grids) are embedded as PNG
    requires com.google.common; // XML and HTML escapers

    exports org.nnlab.viz.plot;
    exports org.nnlab.viz.nn;
    exports org.nnlab.viz.report;
}
