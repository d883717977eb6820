package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SvgWriterTest {
    private static String num(double v) {
        return new SvgWriter(16).num(v).toString();
    }

    @Test
    void numbersHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        assertEquals("12", num(12.0));
        assertEquals("12.5", num(12.5));
        assertEquals("0.25", num(0.249999));
        assertEquals("0.05", num(0.05));
        assertEquals("-3.14", num(-3.14159));
        assertEquals("0", num(-0.001));
    }

    @Test
    void hugeAndNaNValuesStayParseable() {
        assertEquals("10000000", num(1e300));
        assertEquals("0", num(Double.NaN));
    }

    @Test
    void escapesMarkupCharacters() {
        assertEquals("a &lt; b &amp;&amp; &quot;c&quot; &apos;d&apos; &gt;\uFFFD",
                new SvgWriter(16).text("a < b && \"c\" 'd' >\u0001").toString());
        assertEquals("\uFFFD\uFFFD line&#xA;break", new SvgWriter(16).text("\u0000\uFFFF line\nbreak").toString(),
                "characters XML 1.0 forbids are replaced, so the SVG stays well formed");
    }
}
