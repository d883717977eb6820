package org.nnlab.viz.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What the renderer does with the model's font sizes, legends, equal axes and markers, read off the SVG. */
class RenderingSemanticsTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @Test
    void fontSizesReachTheText() {
        Figure fig = new Figure(6, 4);
        Axes ax = fig.subplot();
        ax.plot(new double[] {0, 1}, "ro").label("C1");
        ax.title("big", 15).xlabel("$x_1$", 15).tickLabelSize(15).legend(1, 15);
        String svg = fig.toSvg();
        assertTrue(svg.contains("font-size=\"15\">big</text>"), svg);
        assertTrue(svg.contains("font-size=\"15\"><tspan font-style=\"italic\">x</tspan>"), svg);
        assertTrue(svg.contains("font-size=\"15\">C1</text>"), svg);
        assertTrue(svg.contains("font-size=\"15\">0.0</text>"), "tick labels at 15 pt: " + svg);
    }

    @Test
    void largerTicksTakeMoreMargin() {
        Figure small = new Figure(6, 4);
        small.subplot().plot(new double[] {0, 1000});
        Figure large = new Figure(6, 4);
        large.subplot().tickLabelSize(20).plot(new double[] {0, 1000});
        assertTrue(new Layout(large).frames.get(0).x > new Layout(small).frames.get(0).x + 10);
    }

    @Test
    void axisEqualKeepsTheBoxOfTheSameFigureWithout() {
        Figure plain = new Figure(8, 4);
        plain.subplot().plot(new double[] {0, 1}, new double[] {0, 1});
        Figure equal = new Figure(8, 4);
        equal.subplot().axisEqual().plot(new double[] {0, 1}, new double[] {0, 1});
        AxesFrame a = new Layout(plain).frames.get(0);
        AxesFrame b = new Layout(equal).frames.get(0);
        assertEquals(a.w, b.w, 3, "the box keeps its width (tick labels may differ by a few points)");
        assertEquals(a.h, b.h, 1e-9);
        assertEquals(b.xlim.span() / b.w, b.ylim.span() / b.h, 1e-9, "one unit is as long on both axes");
    }

    @Test
    void markersOnTheLimitsAreWholeAndOutsideTheLimitsAbsent() {
        Figure fig = new Figure(4, 4);
        Axes ax = fig.subplot();
        ax.plot(new double[] {0, 1, 2}, new double[] {0, 1, 5}, "bo");
        ax.xlim(0, 1).ylim(0, 1);
        Document doc = WellFormed.parse(fig.toSvg());
        NodeList circles = doc.getElementsByTagNameNS(SVG_NS, "circle");
        assertEquals(2, circles.getLength(), "(0,0) and (1,1) on the corners drawn, (2,5) outside not");
        for (int i = 0; i < circles.getLength(); i++) {
            for (Node n = circles.item(i).getParentNode(); n instanceof Element e; n = n.getParentNode()) {
                assertFalse(e.hasAttribute("clip-path"), "a marker on the limits is not clipped in half");
            }
        }
    }

    @Test
    void legendHandlesKeepTheSeriesAlpha() {
        Figure fig = new Figure(6, 4);
        Axes ax = fig.subplot();
        ax.plot(new double[] {0, 1}, new double[] {0, 1}, "ro").alpha(0.4).label("C1");
        ax.legend(1);
        Matcher m = Pattern.compile("<g fill=\"#f00\" fill-opacity=\"0.4\" stroke-opacity=\"0.4\">").matcher(fig.toSvg());
        int groups = 0;
        while (m.find()) {
            groups++;
        }
        assertEquals(2, groups, "the data markers and the legend's marker, both at alpha 0.4");
    }

    @Test
    void bestLegendAvoidsTheDataAsMatplotlibScoresIt() {
        Figure fig = new Figure(6, 4);
        Axes ax = fig.subplot();
        // Points fill the upper half; the lower left corner is empty.
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            for (int j = 10; j <= 20; j++) {
                xs.add(i / 20.0);
                ys.add(j / 20.0);
            }
        }
        ax.scatter(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray())
                .label("data");
        ax.plot(new double[] {0.6, 1}, new double[] {0, 0.4}).label("line");
        ax.ylim(-0.05, 1.05).legend();
        AxesFrame f = new Layout(fig).frames.get(0);
        double[] box = new LegendPainter(null, f).box();
        assertTrue(box[0] < f.x + f.w / 3 && box[1] > f.y + f.h / 2, "lower left: " + java.util.Arrays.toString(box));
    }

    @Test
    void aLegendWiderThanItsAxesStaysInTheFigure() {
        Figure fig = new Figure(3, 2);
        Axes ax = fig.subplot();
        ax.plot(new double[] {0, 1}).label("a label far longer than the little axes it is drawn in");
        ax.legend("upper left");
        AxesFrame f = new Layout(fig).frames.get(0);
        double[] box = new LegendPainter(null, f).box();
        assertTrue(box[0] >= Layout.EDGE - 1e-9, java.util.Arrays.toString(box));
        assertTrue(box[0] + box[2] <= 3 * 72 - Layout.EDGE + 1e-9 || box[2] > 3 * 72, java.util.Arrays.toString(box));
    }
}
