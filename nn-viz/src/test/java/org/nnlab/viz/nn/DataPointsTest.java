package org.nnlab.viz.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Scatter;

class DataPointsTest {

    @Test
    void fewPointsGetLargeRimmedMarkers() {
        Scatter s = DataPoints.draw(new Figure().subplot(), new double[] {0, 1, 0, 1}, new double[] {0, 0, 1, 1},
                new int[] {0, 1, 1, 0});
        assertEquals(DataPoints.MAX_SIZE, s.sizeOf(0));
        assertNotNull(s.edgeColor());
    }

    @Test
    void manyPointsGetSmallMarkersWithoutRims() {
        int n = 1000;
        Scatter s = DataPoints.draw(new Figure().subplot(), new double[n], new double[n], new int[n]);
        assertEquals(36 * Math.sqrt(0.2), s.sizeOf(0), 1e-12);
        assertNull(s.edgeColor());
    }
}
