package org.nnlab.viz.svg;

import java.util.List;
import org.nnlab.viz.plot.Mathtext;

/**
 * Estimates how wide text renders, from DejaVu Sans' advance widths, so that layout can keep tick
 * labels apart and leave room for labels without a font engine (and so stays deterministic).
 *
 * <p>Widths are in em for printable ASCII; other characters (Greek, symbols) count as 0.65 em.
 * Scripts are drawn at {@value #SCRIPT_SCALE} of their parent's size, raised by
 * {@value #SUPER_SHIFT} em or lowered by {@value #SUB_SHIFT} em.
 */
final class TextMetrics {
    static final double SCRIPT_SCALE = 0.7;
    static final double SUPER_SHIFT = 0.4;
    static final double SUB_SHIFT = 0.25;
    /** Height of a digit or capital above the baseline, in em. */
    static final double CAP = 0.73;
    /** Depth of descenders below the baseline, in em. */
    static final double DESCENT = 0.24;

    // DejaVu Sans advance widths for ' ' (32) to '~' (126), in units of 1/2048 em.
    private static final short[] ASCII = {
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716};

    private TextMetrics() {
    }

    /** The width of plain text at {@code size} points. */
    static double width(String s, double size) {
        double em = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            em += c >= 32 && c <= 126 ? ASCII[c - 32] / 2048.0 : other(c);
        }
        return em * size;
    }

    private static double other(char c) {
        if ((c >= '\u0300' && c <= '\u036f') || (c >= '\u20d0' && c <= '\u20ff')) {
            return 0;   // a combining accent sits over the previous letter
        }
        switch (c) {
            case '\u2212': return 0.838;
            case '\u2003': return 1.0;
            case '\u2005': return 0.25;
            case '\u2009': return 0.2;
            case '\u00d7': return 0.838;
            default: return 0.65;
        }
    }

    /** The width of a label with mathtext at {@code size} points. */
    static double labelWidth(String label, double size) {
        double w = 0;
        for (Mathtext.Run r : Mathtext.parse(label)) {
            w += width(r.text(), size * scale(r.level()));
        }
        return w;
    }

    /** How far the label reaches above the baseline, in points. */
    static double ascent(List<Mathtext.Run> runs, double size) {
        double up = CAP * size;
        for (Mathtext.Run r : runs) {
            if (r.level() > 0) {
                up = Math.max(up, (CAP * scale(r.level()) + SUPER_SHIFT * r.level()) * size);
            }
        }
        return up;
    }

    /** How far the label reaches below the baseline, in points. */
    static double descent(List<Mathtext.Run> runs, double size) {
        double down = DESCENT * size;
        for (Mathtext.Run r : runs) {
            if (r.level() < 0) {
                down = Math.max(down, (DESCENT * scale(r.level()) - SUB_SHIFT * r.level()) * size);
            }
        }
        return down;
    }

    /** The font scale at script level {@code level}. */
    static double scale(int level) {
        return Math.pow(SCRIPT_SCALE, Math.abs(level));
    }
}
