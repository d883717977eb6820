package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureModelTest {
    private static final double[] X = {0, 1, 2, 3};
    private static final double[] Y = {1, 3, 2, 5};

    @Test
    void subplotsAreReturnedRowByRow() {
        Figure fig = new Figure(8, 6);
        List<Axes> ax = fig.subplots(2, 3);
        assertEquals(6, ax.size());
        assertEquals(1, ax.get(4).row());
        assertEquals(1, ax.get(4).col());
        assertEquals(ax.get(5), fig.axes(1, 2));
    }

    @Test
    void plotRecordsKindColourMarkerStyleLabelAndData() {
        Axes ax = new Figure().subplot();
        Line l = ax.plot(X, Y, "ro").label("$x_1$");
        Line m = ax.plot(X, Y);
        assertEquals(SeriesKind.LINE, l.kind());
        assertEquals(Color.parse("r"), l.color());
        assertEquals(Marker.CIRCLE, l.marker());
        assertEquals(LineStyle.NONE, l.lineStyle());
        assertEquals("$x_1$", l.label());
        assertEquals(4, l.pointCount());
        assertArrayEquals(Y, l.y());
        assertEquals(Color.cycle(0), m.color(), "an explicit colour does not advance the cycle");
    }

    @Test
    void linesAndPatchesCycleColoursIndependently() {
        Axes ax = new Figure().subplot();
        assertEquals(Color.cycle(0), ax.plot(Y).color());
        assertEquals(Color.cycle(1), ax.plot(Y).color());
        assertEquals(Color.cycle(0), ax.scatter(X, Y).color());
        assertEquals(Color.cycle(1), ax.bar(X, Y).color());
    }

    @Test
    void autoscaleAddsFivePercentMargins() {
        Axes ax = new Figure().subplot();
        ax.plot(X, Y);
        assertEquals(-0.15, ax.xlim().lo(), 1e-12);
        assertEquals(3.15, ax.xlim().hi(), 1e-12);
        assertEquals(0.8, ax.ylim().lo(), 1e-12);
        assertEquals(5.2, ax.ylim().hi(), 1e-12);
    }

    @Test
    void barsStickToZeroAndImagesToTheirBorder() {
        Axes bars = new Figure().subplot();
        bars.bar(X, Y);
        assertEquals(0, bars.ylim().lo());
        Axes image = new Figure().subplot();
        image.imshow(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(new Limits(-0.5, 2.5), image.xlim());
        assertEquals(new Limits(-0.5, 1.5), image.ylim());
        assertEquals(true, image.yaxis().inverted());
    }

    @Test
    void explicitLimitsWinAndAreQueryable() {
        Axes ax = new Figure().subplot();
        ax.plot(X, Y);
        ax.xlim(-1, 10).ylim(0, 6);
        assertEquals(new Limits(-1, 10), ax.xlim());
        assertEquals(new Limits(0, 6), ax.yaxis().explicitLimits());
    }

    @Test
    void nonFinitePointsAreCountedNotDropped() {
        Axes ax = new Figure().subplot();
        Line l = ax.plot(new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 2});
        assertEquals(4, l.pointCount());
        assertEquals(2, l.skippedCount());
        assertEquals(2, ax.skippedCount());
        assertEquals(3.15, ax.xlim().hi(), 1e-12);
        assertEquals(0.95, ax.ylim().lo(), 1e-12);
    }

    @Test
    void histogramBinsLikeNumpyWithClosedLastBin() {
        Axes ax = new Figure().subplot();
        Bars h = ax.hist(new double[] {0, 0.5, 1, 1.5, 2, 2, Double.NaN}, 2);
        assertEquals(SeriesKind.HIST, h.kind());
        assertArrayEquals(new double[] {0, 1, 2}, h.edges());
        assertArrayEquals(new double[] {2, 4}, h.y());
        assertEquals(1, h.skippedCount());
    }

    @Test
    void legendListsLabelledSeriesInOrder() {
        Axes ax = new Figure().subplot();
        ax.plot(Y, "b--").label("train");
        ax.plot(Y);
        ax.scatter(X, Y).label("data");
        ax.legend("upper left");
        assertEquals(LegendLocation.UPPER_LEFT, ax.legendLocation());
        List<LegendEntry> entries = ax.legendEntries();
        assertEquals(2, entries.size());
        assertEquals(new LegendEntry("train", SeriesKind.LINE, Color.parse("b"), Marker.NONE, LineStyle.DASHED, 1, 1.5),
                entries.get(0));
        assertEquals(SeriesKind.SCATTER, entries.get(1).kind());
    }

    @Test
    void decorationsAreQueryable() {
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        ax.title("Loss").xlabel("epoch").ylabel("$L$").grid(0.3).axisEqual().yscale(Scale.LOG);
        assertEquals("Loss", ax.title());
        assertEquals("epoch", ax.xaxis().label());
        assertEquals(0.3, ax.gridAlpha());
        assertEquals(true, ax.equalAspect());
        assertEquals(Scale.LOG, ax.yaxis().scale());
        assertEquals("Loss", fig.title());
        assertNull(ax.legendLocation());
    }

    @Test
    void contourfAssignsBandsBetweenLevels() {
        Axes ax = new Figure().subplot();
        FilledContour c = ax.contourf(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 0.3}, {0.7, 1}})
                .levels(0, 0.5, 1);
        assertEquals(0, c.band(0.3));
        assertEquals(1, c.band(1.0));
        assertEquals(-1, c.band(1.5));
        assertEquals(Colormap.VIRIDIS.at(1), c.bandColor(1));
        assertEquals(new Limits(0, 1), ax.xlim());
    }
}
