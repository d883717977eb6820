/**
 * The gallery command, which draws every kind of figure nn-viz can make; not library API.
 *
 * <p>{@link org.nnlab.viz.demo.Gallery} has the {@code main}: it writes {@code gallery.html} and one
 * SVG per figure into a folder, for looking at in a browser ({@code scripts/render-report.sh}
 * builds and screenshots it). The package-private {@code NnGallery} adds the neural-network
 * figures. Read it for worked examples of the plotting calls.
 */
package org.nnlab.viz.demo;
