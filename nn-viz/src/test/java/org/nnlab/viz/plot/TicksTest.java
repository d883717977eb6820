package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void unitIntervalGetsSteps0f2() {
        Ticks t = Ticks.linear(new Limits(-0.05, 1.05), 6);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.positions(), 1e-12);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.labels());
    }

    @Test
    void stepOf2point5UsesTwoDecimalsForQuarters() {
        Ticks t = Ticks.linear(new Limits(-1.1, 1.1), 9);
        assertArrayEquals(new double[] {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1}, t.positions(), 1e-12);
        assertEquals("\u22121.00", t.labels().get(0));
        assertEquals("0.25", t.labels().get(5));
    }

    @Test
    void integersHaveNoDecimalsAndTrueMinus() {
        Ticks t = Ticks.linear(new Limits(-5.5, 5.5), 9);
        assertEquals(List.of("\u22124", "\u22122", "0", "2", "4"), t.labels());
        assertEquals(List.of("\u22125.0", "\u22122.5", "0.0", "2.5", "5.0"), Ticks.linear(new Limits(-5.5, 5.5), 5).labels());
    }

    @Test
    void largeValuesShareAnOffset() {
        Ticks t = Ticks.linear(new Limits(0, 3e6), 3);
        assertEquals("$\\times10^{6}$", t.offset());
        assertEquals(List.of("0", "1", "2", "3"), t.labels());
        assertNull(Ticks.linear(new Limits(0, 3e5), 3).offset());
    }

    @Test
    void logAxesTickDecadesWithMinorTicks() {
        Ticks t = Ticks.log(new Limits(1e-3, 2));
        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1, 1}, t.positions(), 1e-15);
        assertEquals("$10^{-3}$", t.labels().get(0));
        assertEquals(8 * 3 + 1, t.minor().length);
    }

    @Test
    void niceLevelsCoverTheData() {
        double[] l = Ticks.niceLevels(0.03, 0.97, 5);
        assertEquals(0, l[0], 1e-12);
        assertEquals(1, l[l.length - 1], 1e-12);
    }
}
