package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BadInputTest {
    private final Axes ax = new Figure().subplot();

    @Test
    void rejectsMismatchedLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ax.plot(new double[5], new double[4]));
        assertEquals("plot: x has 5 values but y has 4; expected the same length. Hint: pass y alone to plot it"
                + " against 0..3, or check that both arrays come from the same samples.", e.getMessage());
    }

    @Test
    void rejectsInvertedLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.xlim(5, 1));
        assertEquals("xlim(5, 1): Axis limits (5.0, 1.0) are inverted; expected lower < upper. Hint: pass (1.0, 5.0);"
                + " to flip the axis direction use invertYaxis().", e.getMessage());
    }

    @Test
    void rejectsEmptyLimits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.ylim(2, 2));
        assertEquals("ylim(2, 2): Axis limits (2.0, 2.0) are empty; expected lower < upper. Hint: widen the range,"
                + " e.g. (1.0, 3.0).", e.getMessage());
    }

    @Test
    void rejectsUnknownFormatString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ax.plot(new double[] {1, 2}, "r-q"));
        assertEquals(true, e.getMessage().startsWith("Unrecognized character 'q' at index 2 of format string 'r-q'"));
    }

    @Test
    void rejectsEmptyHistogram() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.hist(new double[0], 10));
        assertEquals("hist: data is empty; expected at least one value. Hint: check the data was loaded before plotting.",
                e.getMessage());
    }

    @Test
    void rejectsRaggedImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ax.imshow(new double[][] {{1, 2}, {3}}));
        assertEquals("imshow: row 1 has 1 values but row 0 has 2; expected a rectangular array. Hint: pad or crop the rows.",
                e.getMessage());
    }

    @Test
    void rejectsEmptyImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.imshow(new double[0][]));
        assertEquals("imshow: the image is empty (0 rows); expected at least 1×1 values. Hint: imshow takes"
                + " values[row][column].", e.getMessage());
    }

    @Test
    void rejectsScatterColoursOfWrongLength() {
        Scatter s = ax.scatter(new double[] {1, 2, 3}, new double[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.classes(0, 1));
        assertEquals("scatter: classes has 2 entries but there are 3 points; expected one per point. Hint: use"
                + " color(...) or size(...) for a single value.", e.getMessage());
    }

    @Test
    void rejectsContourGridOfWrongShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ax.contourf(new double[] {0, 1}, new double[] {0, 1, 2}, new double[][] {{0, 1}, {1, 0}}));
        assertEquals("contourf: z has 2 rows but ys has 3 values; expected z[j][i] with one row per y. Hint: Z has"
                + " shape (len(ys), len(xs)).", e.getMessage());
    }

    @Test
    void rejectsUnknownLegendLocation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.legend("top right"));
        assertEquals(true, e.getMessage().startsWith("Unknown legend location 'top right'; expected one of best,"
                + " upper right, upper left"), e.getMessage());
    }

    @Test
    void rejectsNonPositiveLogLimit() {
        ax.yscale(Scale.LOG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.ylim(0, 1));
        assertEquals("ylim(0, 1): the lower limit 0.0 is not positive on a log axis. Hint: choose a positive lower"
                + " limit such as 1e-6", e.getMessage());
    }
}
