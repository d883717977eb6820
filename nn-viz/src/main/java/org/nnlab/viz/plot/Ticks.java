package org.nnlab.viz.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and labels for one axis, placed like matplotlib's default locators.
 *
 * <p>Linear axes use MaxNLocator's rule: the step is the smallest of 1, 2, 2.5, 5 or 10 times a
 * power of ten that puts at most {@code nbins} intervals across the limits and at least two ticks
 * inside them. Labels share one number of decimals (0, 0.5, 1.0 becomes 0.0, 0.5, 1.0), use a true
 * minus sign, and when the largest tick is ≥ 10⁶ or ≤ 10⁻⁵ they are scaled by a common power of ten
 * shown once as an offset ("×10⁶"), as matplotlib's ScalarFormatter does. Log axes tick each decade
 * and label it 10^k, with unlabelled minor ticks at 2…9 × 10^k.
 *
 * @param positions major tick values inside the limits, ascending
 * @param labels one mathtext label per position
 * @param offset a mathtext multiplier such as {@code "$\times10^{6}$"}, or null
 * @param minor minor tick values (log axes only), possibly empty
 */
public record Ticks(double[] positions, List<String> labels, String offset, double[] minor) {
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};

    /** Ticks for a linear axis over {@code limits} with at most {@code nbins} intervals. */
    public static Ticks linear(Limits limits, int nbins) {
        double[] t = niceTicks(limits.lo(), limits.hi(), Math.max(1, nbins), true);
        return new Ticks(t, format(t), offsetOf(t), new double[0]);
    }

    /** Ticks for a log axis: decades, thinned to about {@code nbins}, and minor ticks. */
    public static Ticks log(Limits limits) {
        return log(limits, 9);
    }

    /** Ticks for a log axis with at most about {@code nbins} labelled decades. */
    public static Ticks log(Limits limits, int nbins) {
        int k0 = (int) Math.ceil(Math.log10(limits.lo()) - 1e-9);
        int k1 = (int) Math.floor(Math.log10(limits.hi()) + 1e-9);
        if (k1 - k0 < 1) {
            return linear(limits, nbins);
        }
        int every = Math.max(1, (int) Math.ceil((k1 - k0 + 1) / (double) Math.max(2, nbins)));
        List<Double> major = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = k0; k <= k1; k += every) {
            major.add(Math.pow(10, k));
            labels.add("$10^{" + (k < 0 ? "-" : "") + Math.abs(k) + "}$");
        }
        List<Double> minor = new ArrayList<>();
        if (every == 1) {
            for (int k = k0 - 1; k <= k1; k++) {
                for (int m = 2; m <= 9; m++) {
                    double v = m * Math.pow(10, k);
                    if (limits.contains(v)) {
                        minor.add(v);
                    }
                }
            }
        }
        return new Ticks(toArray(major), List.copyOf(labels), null, toArray(minor));
    }

    /**
     * About {@code n} nice band boundaries covering [lo, hi], the outer ones on or beyond the data,
     * like contourf's default levels.
     */
    public static double[] niceLevels(double lo, double hi, int n) {
        return niceTicks(lo, hi, n, false);
    }

    private static double[] niceTicks(double lo, double hi, int nbins, boolean inside) {
        double raw = (hi - lo) / nbins;
        double scale = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int pass = 0; pass < 2; pass++) {
            for (double s : STEPS) {
                double step = s * scale * (pass == 0 ? 1 : 10);
                if (step < raw * (1 - 1e-9)) {
                    continue;
                }
                long first = (long) Math.floor(lo / step + 1e-9);
                long last = (long) Math.ceil(hi / step - 1e-9);
                List<Double> out = new ArrayList<>();
                for (long k = first; k <= last; k++) {
                    double v = snap(k * step, step);
                    if (!inside || (v >= lo - 1e-9 * step && v <= hi + 1e-9 * step)) {
                        out.add(v);
                    }
                }
                if (out.size() >= 2) {
                    return toArray(out);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Rounds away binary noise such as 0.30000000000000004 relative to the step. */
    private static double snap(double v, double step) {
        double q = Math.pow(10, Math.max(0, 3 - Math.floor(Math.log10(step))));
        double r = Math.round(v * q) / q;
        return r == 0 ? 0 : r;
    }

    private static int exponentOf(double[] t) {
        double max = 0;
        for (double v : t) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return 0;
        }
        int e = (int) Math.floor(Math.log10(max) + 1e-12);
        return e >= 6 || e <= -5 ? e : 0;
    }

    private static String offsetOf(double[] t) {
        int e = exponentOf(t);
        return e == 0 ? null : "$\\times10^{" + (e < 0 ? "-" : "") + Math.abs(e) + "}$";
    }

    /** Ticks at exactly {@code positions}, labelled like automatic ticks (with an offset if large). */
    public static Ticks at(double[] positions) {
        double[] t = positions.clone();
        return new Ticks(t, format(t), offsetOf(t), new double[0]);
    }

    /** Labels with a shared number of decimals, scaled by the offset power of ten if there is one. */
    static List<String> format(double[] t) {
        double div = Math.pow(10, exponentOf(t));
        int decimals = 0;
        for (double v : t) {
            BigDecimal d = new BigDecimal(v / div).round(new MathContext(10)).stripTrailingZeros();
            decimals = Math.max(decimals, Math.min(10, d.scale()));
        }
        List<String> out = new ArrayList<>(t.length);
        for (double v : t) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v / div);
            if (s.matches("-0(\\.0*)?")) {
                s = s.substring(1);
            }
            out.add(s.replace('-', '\u2212'));
        }
        return List.copyOf(out);
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
