package org.nnlab.viz.plot;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An opaque sRGB colour, parsed from the colour specs matplotlib accepts.
 *
 * <p>Accepted specs: the single letters {@code b g r c m y k w} (matplotlib's "base" colours, so
 * {@code 'g'} is #008000 and {@code 'c'} is #00bfbf), the cycle references {@code C0}…{@code C9},
 * {@code #rrggbb} and {@code #rgb}, {@code tab:blue}-style names, a grey level written as a number
 * between 0 and 1 ({@code "0.8"}), and a small set of CSS names. Transparency is not part of a
 * colour: series carry their own alpha.
 */
public record Color(int r, int g, int b) {
    /** Matplotlib's default colour cycle (the tab10 palette), C0 to C9. */
    public static final List<Color> TAB10 = List.of(
            hex("#1f77b4"), hex("#ff7f0e"), hex("#2ca02c"), hex("#d62728"), hex("#9467bd"),
            hex("#8c564b"), hex("#e377c2"), hex("#7f7f7f"), hex("#bcbd22"), hex("#17becf"));
    /** Black, {@code #000000}; matplotlib's {@code 'k'}. */
    public static final Color BLACK = new Color(0, 0, 0);
    /** White, {@code #ffffff}; matplotlib's {@code 'w'}. */
    public static final Color WHITE = new Color(255, 255, 255);

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("b", "#0000ff"), Map.entry("g", "#008000"), Map.entry("r", "#ff0000"),
            Map.entry("c", "#00bfbf"), Map.entry("m", "#bf00bf"), Map.entry("y", "#bfbf00"),
            Map.entry("k", "#000000"), Map.entry("w", "#ffffff"),
            Map.entry("tab:blue", "#1f77b4"), Map.entry("tab:orange", "#ff7f0e"),
            Map.entry("tab:green", "#2ca02c"), Map.entry("tab:red", "#d62728"),
            Map.entry("tab:purple", "#9467bd"), Map.entry("tab:brown", "#8c564b"),
            Map.entry("tab:pink", "#e377c2"), Map.entry("tab:gray", "#7f7f7f"),
            Map.entry("tab:olive", "#bcbd22"), Map.entry("tab:cyan", "#17becf"),
            Map.entry("black", "#000000"), Map.entry("white", "#ffffff"), Map.entry("red", "#ff0000"),
            Map.entry("green", "#008000"), Map.entry("blue", "#0000ff"), Map.entry("orange", "#ffa500"),
            Map.entry("purple", "#800080"), Map.entry("gray", "#808080"), Map.entry("grey", "#808080"),
            Map.entry("lightgray", "#d3d3d3"), Map.entry("darkgray", "#a9a9a9"),
            Map.entry("brown", "#a52a2a"), Map.entry("pink", "#ffc0cb"), Map.entry("cyan", "#00ffff"),
            Map.entry("magenta", "#ff00ff"), Map.entry("yellow", "#ffff00"), Map.entry("navy", "#000080"),
            Map.entry("crimson", "#dc143c"), Map.entry("gold", "#ffd700"), Map.entry("teal", "#008080"));

    /** Checks that each channel is in 0..255. */
    public Color {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new IllegalArgumentException("Color channels (" + r + ", " + g + ", " + b
                    + ") must each be in 0..255");
        }
    }

    /**
     * Parses a matplotlib colour spec such as {@code "r"}, {@code "C1"}, {@code "#1f77b4"} or {@code "0.5"}.
     *
     * @throws IllegalArgumentException naming the spec and listing the accepted forms
     */
    public static Color parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Color spec is empty; expected e.g. 'r', 'C0', '#1f77b4' or 'tab:blue'");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.length() == 2 && s.charAt(0) == 'c' && Character.isDigit(s.charAt(1))) {
            return cycle(s.charAt(1) - '0');
        }
        if (s.startsWith("#")) {
            return hex(s);
        }
        String named = NAMES.get(s);
        if (named != null) {
            return hex(named);
        }
        if (s.matches("0(\\.\\d+)?|1(\\.0*)?|\\.\\d+")) {
            int level = (int) Math.round(Double.parseDouble(s) * 255);
            return new Color(level, level, level);
        }
        throw new IllegalArgumentException("Unknown color '" + spec + "'; expected one of b g r c m y k w, "
                + "C0..C9, #rrggbb, tab:blue…tab:cyan, a grey level in [0, 1] like '0.8', or a CSS name such as "
                + "'orange'. Hint: matplotlib's default blue is 'C0' (#1f77b4).");
    }

    /** Colour {@code i} of the default cycle, wrapping around after C9. */
    public static Color cycle(int i) {
        return TAB10.get(Math.floorMod(i, TAB10.size()));
    }

    /** Parses {@code #rrggbb} or {@code #rgb}. */
    public static Color hex(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("Bad hex color '" + hex + "'; expected #rrggbb or #rgb, e.g. #1f77b4");
        }
        int v = Integer.parseInt(h, 16);
        return new Color(v >> 16 & 255, v >> 8 & 255, v & 255);
    }

    /** Linear interpolation between this colour (t = 0) and {@code other} (t = 1), per channel. */
    public Color mix(Color other, double t) {
        return new Color((int) Math.round(r + (other.r - r) * t), (int) Math.round(g + (other.g - g) * t),
                (int) Math.round(b + (other.b - b) * t));
    }

    /** Relative luminance in [0, 1] (Rec. 709 weights on the gamma-encoded channels); dark below ~0.5. */
    public double luminance() {
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
    }

    /** The shortest CSS hex form, e.g. {@code #1f77b4}, or {@code #000} when each pair repeats. */
    public String hex() {
        String s = String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        if (s.charAt(1) == s.charAt(2) && s.charAt(3) == s.charAt(4) && s.charAt(5) == s.charAt(6)) {
            return "#" + s.charAt(1) + s.charAt(3) + s.charAt(5);
        }
        return s;
    }

    @Override
    public String toString() {
        return hex();
    }
}
