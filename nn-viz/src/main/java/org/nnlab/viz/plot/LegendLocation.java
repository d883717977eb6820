package org.nnlab.viz.plot;

import java.util.Locale;

/**
 * Where a legend sits inside its axes, with matplotlib's names and codes ({@code loc=1} is
 * {@link #UPPER_RIGHT}; the constants are in code order, 0 to 10). {@link #BEST} picks the position
 * that covers the least data, as matplotlib's {@code _find_best_position} scores it: the line
 * vertices and scatter points inside the legend box, plus the bars it overlaps, plus one for each
 * line that crosses it; the first position with a score of 0 wins, else the lowest score, ties
 * going to the lower code.
 */
public enum LegendLocation {
    /** Whichever of the positions below covers the fewest data points, matplotlib's {@code "best"}. */
    BEST,
    /** The upper right corner, where {@link #BEST} looks first. */
    UPPER_RIGHT,
    /** The upper left corner. */
    UPPER_LEFT,
    /** The lower left corner. */
    LOWER_LEFT,
    /** The lower right corner. */
    LOWER_RIGHT,
    /** The middle of the right edge; matplotlib's {@code "right"}, the same place as {@link #CENTER_RIGHT}. */
    RIGHT,
    /** The middle of the left edge. */
    CENTER_LEFT,
    /** The middle of the right edge. */
    CENTER_RIGHT,
    /** The middle of the bottom edge. */
    LOWER_CENTER,
    /** The middle of the top edge. */
    UPPER_CENTER,
    /** The centre of the axes. */
    CENTER;

    /** The matplotlib code: 0 for best, 1 for upper right, … 10 for center. */
    public int code() {
        return ordinal();
    }

    /**
     * The location of a matplotlib code, as {@code plt.legend(loc=1)} takes it.
     *
     * @throws IllegalArgumentException unless {@code code} is in 0..10
     */
    public static LegendLocation ofCode(int code) {
        if (code < 0 || code >= values().length) {
            StringBuilder codes = new StringBuilder();
            for (LegendLocation l : values()) {
                codes.append(codes.length() == 0 ? "" : ", ").append(l.code()).append(" ").append(l.matplotlibName());
            }
            throw new IllegalArgumentException("Unknown legend location code " + code + "; expected 0..10: " + codes
                    + ". Hint: 0 (best) avoids the data.");
        }
        return values()[code];
    }

    /** The matplotlib name, e.g. {@code "upper right"}. */
    public String matplotlibName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Horizontal anchor: 0 left, 0.5 centre, 1 right. */
    public double fx() {
        switch (this) {
            case UPPER_LEFT: case LOWER_LEFT: case CENTER_LEFT: return 0;
            case LOWER_CENTER: case UPPER_CENTER: case CENTER: return 0.5;
            default: return 1;
        }
    }

    /** Vertical anchor: 0 top, 0.5 centre, 1 bottom. */
    public double fy() {
        switch (this) {
            case LOWER_LEFT: case LOWER_RIGHT: case LOWER_CENTER: return 1;
            case RIGHT: case CENTER_LEFT: case CENTER_RIGHT: case CENTER: return 0.5;
            default: return 0;
        }
    }

    /**
     * Parses a matplotlib location name such as {@code "upper left"} or {@code "best"}.
     *
     * @throws IllegalArgumentException listing the names
     */
    public static LegendLocation parse(String name) {
        for (LegendLocation l : values()) {
            if (l.matplotlibName().equals(String.valueOf(name).trim().toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        StringBuilder names = new StringBuilder();
        for (LegendLocation l : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(l.matplotlibName());
        }
        throw new IllegalArgumentException("Unknown legend location '" + name + "'; expected one of " + names
                + ". Hint: 'best' avoids the data.");
    }
}
