package org.nnlab.viz.plot;

import java.util.Locale;

/**
 * A colormap: maps t in [0, 1] to a colour by linear interpolation between evenly spaced anchors.
 *
 * <p>{@link #VIRIDIS} uses ten anchors of matplotlib's viridis (perceptually uniform, readable in
 * grey and by colour-blind readers); {@link #GRAY} goes from black to white like {@code 'gray'};
 * {@link #BLUES} and {@link #RDBU} are the ColorBrewer ramps matplotlib ships as {@code 'Blues'}
 * and {@code 'RdBu'}. Values of t outside [0, 1] are clamped; NaN gives null (drawn transparent).
 */
public enum Colormap {
    /** Matplotlib's {@code 'gray'}: black at 0 to white at 1. */
    GRAY("gray", "#000000", "#ffffff"),
    /** Matplotlib's default {@code 'viridis'}: dark purple through blue and green to yellow, perceptually uniform. */
    VIRIDIS("viridis", "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779",
            "#6ece58", "#b5de2b", "#fde725"),
    /** ColorBrewer's {@code 'Blues'}: near-white at 0 to dark blue at 1; the confusion matrix's map. */
    BLUES("Blues", "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5",
            "#08519c", "#08306b"),
    /** ColorBrewer's diverging {@code 'RdBu'}: dark red at 0, near-white at 0.5, dark blue at 1. */
    RDBU("RdBu", "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0",
            "#92c5de", "#4393c3", "#2166ac", "#053061");

    private final String matplotlibName;
    private final Color[] anchors;

    Colormap(String matplotlibName, String... hexes) {
        this.matplotlibName = matplotlibName;
        this.anchors = new Color[hexes.length];
        for (int i = 0; i < hexes.length; i++) {
            anchors[i] = Color.hex(hexes[i]);
        }
    }

    /** The name matplotlib uses, e.g. {@code "viridis"}. */
    public String matplotlibName() {
        return matplotlibName;
    }

    /** The colour at {@code t}, clamped to [0, 1]; null for NaN. */
    public Color at(double t) {
        if (Double.isNaN(t)) {
            return null;
        }
        double u = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) u, anchors.length - 2);
        return anchors[i].mix(anchors[i + 1], u - i);
    }

    /** Packed 0xRRGGBB of {@link #at}, for image rasters; NaN gives -1. */
    public int rgbAt(double t) {
        Color c = at(t);
        return c == null ? -1 : c.r() << 16 | c.g() << 8 | c.b();
    }

    /**
     * Looks a colormap up by matplotlib's name, ignoring case.
     *
     * @throws IllegalArgumentException listing the available names
     */
    public static Colormap named(String name) {
        for (Colormap m : values()) {
            if (m.matplotlibName.toLowerCase(Locale.ROOT).equals(String.valueOf(name).toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown colormap '" + name
                + "'; expected one of gray, viridis, Blues, RdBu. Hint: viridis is the perceptually uniform default.");
    }
}
