package org.nnlab.viz.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorTest {
    @Test
    void cycleIsMatplotlibsTab10() {
        assertEquals("#1f77b4", Color.cycle(0).hex());
        assertEquals("#ff7f0e", Color.cycle(1).hex());
        assertEquals("#17becf", Color.cycle(9).hex());
        assertEquals(Color.cycle(0), Color.cycle(10));
    }

    @Test
    void parsesLettersCycleHexNamesAndGreyLevels() {
        assertEquals("#008000", Color.parse("g").hex());
        assertEquals("#2ca02c", Color.parse("C2").hex());
        assertEquals("#abc", Color.parse("#aabbcc").hex());
        assertEquals("#d62728", Color.parse("tab:red").hex());
        assertEquals(new Color(204, 204, 204), Color.parse("0.8"));
    }

    @Test
    void rejectsUnknownNameListingForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Color.parse("bluish"));
        assertTrue(e.getMessage().startsWith("Unknown color 'bluish'; expected one of b g r c m y k w, C0..C9"),
                e.getMessage());
    }

    @Test
    void colormapsRunFromFirstToLastAnchorAndClamp() {
        assertEquals("#440154", Colormap.VIRIDIS.at(0).hex());
        assertEquals("#fde725", Colormap.VIRIDIS.at(1).hex());
        assertEquals("#fde725", Colormap.VIRIDIS.at(7).hex());
        assertEquals(new Color(128, 128, 128), Colormap.GRAY.at(0.5));
        assertEquals(null, Colormap.GRAY.at(Double.NaN));
    }
}
