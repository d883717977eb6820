package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Marker;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgOutputTest {
    static Figure everyKind() {
        Figure fig = new Figure(9, 6).suptitle("All <kinds> & \"quotes\"").description("Test figure");
        List<Axes> ax = fig.subplots(2, 3);
        ax.get(0).plot(new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, Double.NaN, 3, 4}, "b--o").label("a < b");
        ax.get(0).axhline(2, "k:");
        ax.get(0).axvline(1, "r");
        ax.get(0).legend().title("$\\omega_1^2$ & $h(x-0.5)$").xlabel("$x_1$").ylabel("$z_2$").grid(0.5);
        ax.get(1).scatter(new double[] {0, 1, 2}, new double[] {2, 1, 0}).classes(0, 1, 2).sizes(10, 40, 90)
                .marker(Marker.TRIANGLE_UP).label("pts");
        ax.get(1).annotate("peak", new double[] {0, 2}, new double[] {1, 1.5});
        ax.get(1).text(0.5, 0.5, "boxed").axesCoordinates().withBox();
        ax.get(2).hist(new double[] {1, 2, 2, 3, 3, 3}, 3).label("h");
        ax.get(2).legend("upper left");
        ax.get(3).bar(List.of("a", "b"), new double[] {1, -2});
        ax.get(4).stem(new double[] {0.1, 0.7, 0.2});
        var im = ax.get(5).imshow(new double[][] {{0, 1}, {Double.NaN, 3}}).cmap(Colormap.GRAY);
        ax.get(5).colorbar(im, "v");
        return fig;
    }

    @Test
    void everyKindRendersToWellFormedSvgWithTitle() {
        Document doc = WellFormed.parse(everyKind().toSvg());
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("648pt", root.getAttribute("width"));
        assertEquals("0 0 648 432", root.getAttribute("viewBox"));
        NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        assertEquals("All <kinds> & \"quotes\"", titles.item(0).getTextContent());
        assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").getLength());
        assertEquals(6, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "clipPath").getLength());
    }

    @Test
    void outputIsSelfContained() {
        String svg = everyKind().toSvg();
        assertFalse(svg.contains("<script"));
        assertFalse(svg.contains("@font-face"));
        assertFalse(svg.contains("@import"));
        String withoutNamespaces = svg.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "");
        assertFalse(withoutNamespaces.contains("http:") || withoutNamespaces.contains("https:"));
        assertTrue(svg.contains("xlink:href=\"data:image/png;base64,"));
    }

    @Test
    void numbersAreCompact() {
        Matcher m = Pattern.compile("\\d\\.\\d{3,}|\\.\\d*0\"").matcher(everyKind().toSvg());
        assertFalse(m.find(), () -> "long or trailing-zero number: " + m.group());
    }

    @Test
    void sameFigureGivesSameBytes() {
        assertEquals(everyKind().toSvg(), everyKind().toSvg());
    }

    @Test
    void lineBreaksIntoSegmentsAtNaN() {
        Figure fig = new Figure();
        fig.subplot().plot(new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, Double.NaN, 3, 4});
        Document doc = WellFormed.parse(fig.toSvg());
        NodeList paths = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        String line = null;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if ("#1f77b4".equals(p.getAttribute("stroke"))) {
                line = p.getAttribute("d");
            }
        }
        assertEquals(2, line.chars().filter(c -> c == 'M').count(), line);
    }

    @Test
    void mathtextBecomesItalicTspansWithScripts() {
        Figure fig = new Figure();
        fig.subplot().xlabel("$x_1$");
        String svg = fig.toSvg();
        assertTrue(svg.contains("<tspan font-style=\"italic\">x</tspan><tspan dy=\"2.5\" font-size=\"7\">1</tspan>"), svg);
    }

    @Test
    void idPrefixKeepsIdsUniquePerFigure() {
        String svg = everyKind().toSvg("fig7");
        assertTrue(svg.contains("id=\"fig7-c0\""));
        assertFalse(svg.contains("id=\"f-"));
    }

    @Test
    void emptyFigureStillRenders() {
        Figure fig = new Figure(2, 2);
        fig.subplot();
        WellFormed.parse(fig.toSvg());
        assertTrue(fig.toSvg().contains("<title id=\"f-title\">Figure</title>"));
    }
}
