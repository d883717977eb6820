package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlotFormatTest {
    @Test
    void parsesColourAndMarkerAsMarkersOnly() {
        PlotFormat f = PlotFormat.parse("ro");
        assertEquals(Color.hex("#ff0000"), f.color());
        assertEquals(Marker.CIRCLE, f.marker());
        assertEquals(LineStyle.NONE, f.lineStyle());
    }

    @Test
    void parsesDashedAndDottedLines() {
        assertEquals(LineStyle.DASHED, PlotFormat.parse("b--").lineStyle());
        assertEquals(LineStyle.DOTTED, PlotFormat.parse("k:").lineStyle());
        assertEquals(LineStyle.DASHDOT, PlotFormat.parse("-.g").lineStyle());
        assertEquals(Color.BLACK, PlotFormat.parse("k:").color());
    }

    @Test
    void colourAloneMeansSolidLineWithoutMarkers() {
        PlotFormat f = PlotFormat.parse("c");
        assertEquals(Color.hex("#00bfbf"), f.color());
        assertEquals(LineStyle.SOLID, f.lineStyle());
        assertEquals(Marker.NONE, f.marker());
    }

    @Test
    void markerWithLineStyleKeepsBoth() {
        PlotFormat f = PlotFormat.parse("C1^-");
        assertEquals(Color.cycle(1), f.color());
        assertEquals(Marker.TRIANGLE_UP, f.marker());
        assertEquals(LineStyle.SOLID, f.lineStyle());
        assertEquals(Marker.TRIANGLE_UP, PlotFormat.parse("g^").marker());
    }

    @Test
    void emptyFormatLeavesColourToTheCycle() {
        PlotFormat f = PlotFormat.parse("");
        assertNull(f.color());
        assertEquals(LineStyle.SOLID, f.lineStyle());
    }

    @Test
    void rejectsUnknownCharacterWithHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlotFormat.parse("rz"));
        assertEquals("Unrecognized character 'z' at index 1 of format string 'rz'; expected colours b g r c m y k w"
                + " or C0..C9, markers . , o v ^ < > s p * h + x D d | _, line styles - -- -. :. Hint: for other"
                + " colours use color(\"tab:orange\") or color(\"#ff7f0e\") instead.", e.getMessage());
    }

    @Test
    void rejectsTwoColours() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlotFormat.parse("rb"));
        assertTrue(e.getMessage().startsWith("Format string 'rb' names more than one colour (#f00 and #00f)"),
                e.getMessage());
    }
}
