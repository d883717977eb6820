package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Font sizes, legend codes and axis('equal') as matplotlib defines them, on the figure model. */
class MatplotlibSemanticsTest {

    @Test
    void fontSizesResolveFromTheCallTheAxesAndTheFigure() {
        Figure fig = new Figure(6, 4).fontSize(12);
        Axes ax = fig.subplot();
        assertEquals(14.4, ax.titleFontSize(), 1e-12);
        assertEquals(12, ax.tickFontSize());
        ax.title("loss", 15).xlabel("$x$", 15);
        assertEquals(15, ax.titleFontSize());
        assertEquals(15, ax.xLabelFontSize());
        assertEquals(12, ax.yLabelFontSize());
        ax.fontSize(15);
        assertEquals(18, ax.titleFontSize(), 1e-12);
        assertEquals(15, ax.legendFontSize());
        assertEquals(15, ax.tickFontSize());
        assertEquals(12, ax.text(0, 0, "a").fontSize(), "texts take the figure's size when made");
    }

    @Test
    void badFontSizeIsRefusedWithTheValue() {
        Axes ax = new Figure().subplot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ax.title("t", 0));
        assertEquals("title (0.0) must be a font size in (0, 200) points; matplotlib's default is 10", e.getMessage());
    }

    @Test
    void legendLocationCodesAreMatplotlibs() {
        assertEquals(LegendLocation.BEST, LegendLocation.ofCode(0));
        assertEquals(LegendLocation.UPPER_RIGHT, LegendLocation.ofCode(1));
        assertEquals(LegendLocation.LOWER_RIGHT, LegendLocation.ofCode(4));
        assertEquals(LegendLocation.CENTER, LegendLocation.ofCode(10));
        Axes ax = new Figure().subplot();
        ax.plot(new double[] {1, 2}, "ro").label("C1");
        assertEquals(LegendLocation.UPPER_LEFT, ax.legend(2).legendLocation());
        assertEquals(15, ax.legend(1, 15).legendFontSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LegendLocation.ofCode(11));
        assertTrue(e.getMessage().startsWith("Unknown legend location code 11; expected 0..10: 0 best, 1 upper right,"),
                e.getMessage());
    }

    @Test
    void axisEqualKeepsTheBoxAndWidensTheShortAxis() {
        Axes ax = new Figure().subplot();
        ax.plot(new double[] {0, 1}, new double[] {0, 1});
        ax.axisEqual();
        ax.xlim(-0.5, 1.5).ylim(-0.5, 1.5);
        // A box twice as wide as tall: x must span twice y's 2 units, about the same centre.
        Limits[] l = ax.equalLimits(400, 200);
        assertEquals(-1.5, l[0].lo(), 1e-12);
        assertEquals(2.5, l[0].hi(), 1e-12);
        assertEquals(-0.5, l[1].lo(), 1e-12);
        assertEquals(1.5, l[1].hi(), 1e-12);
        // A tall box widens y instead.
        Limits[] tall = ax.equalLimits(200, 400);
        assertEquals(-0.5, tall[0].lo(), 1e-12);
        assertEquals(-1.5, tall[1].lo(), 1e-12);
        assertEquals(2.5, tall[1].hi(), 1e-12);
    }

    @Test
    void axisEqualMayShrinkAViewWithRoomToSpareAsMatplotlibDoes() {
        Axes ax = new Figure().subplot();
        ax.plot(new double[] {0, 1}, new double[] {0, 1});
        ax.axisEqual();
        ax.xlim(-10, 10).ylim(-1, 2);
        // x has room to spare beyond the data, so matplotlib narrows x rather than widen y.
        Limits[] l = ax.equalLimits(300, 300);
        assertEquals(-1, l[1].lo(), 1e-12);
        assertEquals(2, l[1].hi(), 1e-12);
        assertEquals(3, l[0].span(), 1e-12);
    }

    @Test
    void withoutAxisEqualTheLimitsStand() {
        Axes ax = new Figure().subplot();
        ax.plot(new double[] {0, 1}, new double[] {0, 1});
        Limits[] l = ax.equalLimits(400, 100);
        assertEquals(ax.xlim(), l[0]);
        assertEquals(ax.ylim(), l[1]);
    }

    @Test
    void contourFollowsTheLevelBetweenGridPoints() {
        double[] g = {0, 0.25, 0.5, 0.75, 1};
        double[][] z = new double[5][5];
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                z[j][i] = g[i] + g[j];
            }
        }
        ContourLines c = new Figure().subplot().contour(g, g, z, 0.9);
        double[] s = c.segments();
        assertTrue(s.length >= 4 * 4, "one segment per crossed cell: " + s.length / 4);
        for (int i = 0; i < s.length; i += 2) {
            assertEquals(0.9, s[i] + s[i + 1], 1e-12, "every vertex lies on x + y = 0.9");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Figure().subplot().contour(g, new double[] {0, 0}, new double[2][5], 0.5));
        assertTrue(e.getMessage().startsWith("contour: ys must be finite and strictly increasing"), e.getMessage());
    }
}
