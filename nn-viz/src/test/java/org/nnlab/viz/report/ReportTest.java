package org.nnlab.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.svg.WellFormed;

class ReportTest {
    @TempDir
    Path tmp;

    private static Report sample() {
        Figure fig = new Figure(3, 2);
        fig.subplot().plot(new double[] {1, 2, 3}).label("loss");
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("accuracy", 0.97531);
        numbers.put("epochs", 40);
        return Report.titled("Run <1>")
                .section("Model & data")
                .paragraph("x < y && \"quoted\"")
                .code("Dense(2) -> Dense(1)")
                .table(List.of("layer", "params", "loss"), List.of(List.of("dense", 6, 0.000012), List.of("out", "3", 1.5)))
                .numbers(numbers)
                .figure(fig, "Loss <per> epoch")
                .figure(fig, null);
    }

    @Test
    void pageIsHtml5WithEscapedText() {
        String html = sample().toHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(html.contains("<title>Run &lt;1&gt;</title>"));
        assertTrue(html.contains("<h2 id=\"s1\">Model &amp; data</h2>"));
        assertTrue(html.contains("<p>x &lt; y &amp;&amp; &quot;quoted&quot;</p>"));
        assertTrue(html.contains("<pre><code>Dense(2) -&gt; Dense(1)</code></pre>"));
        assertTrue(html.contains("<figcaption>Figure 1. Loss &lt;per&gt; epoch</figcaption>"));
        assertTrue(html.endsWith("</body>\n</html>\n"));
    }

    @Test
    void numericCellsAreRightAlignedAndFormatted() {
        String html = sample().toHtml();
        assertTrue(html.contains("<tr><td>dense</td><td class=\"num\">6</td><td class=\"num\">1.200e-05</td></tr>"), html);
        assertTrue(html.contains("<td class=\"num\">3</td><td class=\"num\">1.5</td>"));
        assertTrue(html.contains("<dt>accuracy</dt><dd>0.9753</dd>"));
    }

    @Test
    void pageIsSelfContainedWithUniqueFigureIds() {
        String html = sample().toHtml();
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src=\"http"));
        assertTrue(html.contains("id=\"fig1-title\"") && html.contains("id=\"fig2-title\""));
        int start = html.indexOf("<svg");
        WellFormed.parse(html.substring(start, html.indexOf("</svg>", start) + 6));
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path out = tmp.resolve("sub/report.html");
        sample().writeTo(out);
        sample().writeTo(out);
        assertEquals(sample().toHtml(), Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList());
        }
    }

    @Test
    void writesEachFigureAsStandaloneSvg() throws IOException {
        List<Path> svgs = sample().writeFigures(tmp, "fig");
        assertEquals(List.of(tmp.resolve("fig-1.svg"), tmp.resolve("fig-2.svg")), svgs);
        WellFormed.parse(Files.readString(svgs.get(0)));
    }

    @Test
    void unwritableFolderGivesClearMessage() throws IOException {
        Path notAFolder = tmp.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        IOException e = assertThrows(IOException.class, () -> sample().writeTo(notAFolder.resolve("r.html")));
        assertTrue(e.getMessage().startsWith("Cannot write " + notAFolder.resolve("r.html") + ": its folder cannot be created"
                + " (folder " + notAFolder + ")"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Hint: choose a folder you can write to, e.g. target/ or a temporary folder."),
                e.getMessage());
    }

    @Test
    void rejectsRowsOfWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Report.titled("t").table(List.of("a", "b"), List.of(List.of(1))));
        assertEquals("table: row 0 has 1 cells but the header has 2 columns [a, b]; expected one cell per column."
                + " Hint: use \"\" for an empty cell.", e.getMessage());
    }
}
