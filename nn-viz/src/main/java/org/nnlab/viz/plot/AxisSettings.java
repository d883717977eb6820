package org.nnlab.viz.plot;

import java.util.List;

/**
 * The settings of one axis of an {@link Axes}: label, scale, explicit limits, direction and
 * explicit ticks. Read-only outside the package; change them through the axes' calls.
 */
public final class AxisSettings {
    private final String name;
    private String label;
    Scale scale = Scale.LINEAR;
    Limits limits;
    boolean inverted;
    private double[] tickPositions;
    private List<String> tickLabels;

    AxisSettings(String name) {
        this.name = name;
    }

    /** The label, or null. */
    public String label() {
        return label;
    }

    /** The scale. */
    public Scale scale() {
        return scale;
    }

    /** The limits set explicitly, or null when autoscaled. */
    public Limits explicitLimits() {
        return limits;
    }

    /** Whether values grow downwards (y) or leftwards (x). */
    public boolean inverted() {
        return inverted;
    }

    /** Explicit tick positions, or null for automatic ticks. */
    public double[] tickPositions() {
        return tickPositions == null ? null : tickPositions.clone();
    }

    /** Explicit tick labels (one per position), or null. */
    public List<String> tickLabels() {
        return tickLabels;
    }

    void label(String text) {
        Mathtext.parse(text);
        this.label = text;
    }

    Limits checkedLimits(double lo, double hi) {
        try {
            Limits l = new Limits(lo, hi);
            if (scale == Scale.LOG && lo <= 0) {
                throw new IllegalArgumentException("the lower limit " + lo + " is not positive on a log axis."
                        + " Hint: choose a positive lower limit such as 1e-6");
            }
            return l;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "lim(" + Ticks.format(new double[] {lo}).get(0).replace('\u2212', '-')
                    + ", " + Ticks.format(new double[] {hi}).get(0).replace('\u2212', '-') + "): " + e.getMessage(), e);
        }
    }

    void ticks(double[] positions, String... labels) {
        if (labels.length != 0 && labels.length != positions.length) {
            throw new IllegalArgumentException(name + "ticks: " + positions.length + " positions but " + labels.length
                    + " labels; expected one label per position, or none to format the values");
        }
        for (String l : labels) {
            Mathtext.parse(l);
        }
        this.tickPositions = positions.clone();
        this.tickLabels = labels.length == 0 ? Ticks.format(positions) : List.of(labels);
    }
}
