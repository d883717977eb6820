package org.nnlab.viz.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.History;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.FilledContour;
import org.nnlab.viz.plot.Line;
import org.nnlab.viz.plot.Scale;
import org.nnlab.viz.plot.SeriesKind;
import org.nnlab.viz.svg.WellFormed;

class NnFiguresTest {
    private static final Tensor XOR = Tensor.wrap(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    private static final int[] XOR_Y = {0, 1, 1, 0};

    private static Dense dense(int in, int units, Activation f, double[] kernel, double[] bias) {
        Dense d = new Dense(units, f);
        d.build(new int[] {in}, Precision.FLOAT64, new SplittableRandom(0));
        System.arraycopy(kernel, 0, d.kernel().value().data(), 0, kernel.length);
        System.arraycopy(bias, 0, d.bias().value().data(), 0, bias.length);
        return d;
    }

    private static final Dense HIDDEN = dense(2, 2, Activation.SIGMOID, new double[] {20, -20, 20, -20}, new double[] {-10, 30});
    private static final Dense OUT = dense(2, 1, Activation.SIGMOID, new double[] {20, 20}, new double[] {-30});

    @Test
    void decisionRegionsColourEachGridCellByPredictedClass() {
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        FilledContour c = DecisionRegions.draw(ax, x -> OUT.forward(HIDDEN.forward(x, false), false), XOR, XOR_Y, 40);
        assertEquals(40 * 40, c.pointCount());
        double[] xs = c.xs();
        assertEquals(-0.5, xs[0], 1e-12);
        // XOR: (0,0) is class 0 and (0,1) class 1 at the grid points nearest them
        int i0 = nearest(xs, 0);
        int i1 = nearest(c.ys(), 1);
        assertEquals(0, c.band(c.value(i0, nearest(c.ys(), 0))));
        assertEquals(1, c.band(c.value(i0, i1)));
        assertEquals(Color.cycle(1), c.bandColor(1));
        assertEquals(SeriesKind.CONTOUR, ax.series().get(1).kind(), "the smooth boundary over the filled cells");
        assertTrue(((org.nnlab.viz.plot.ContourLines) ax.series().get(1)).segments().length > 0);
        assertEquals(SeriesKind.SCATTER, ax.series().get(2).kind());
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void trainingCurvesPairTrainAndValidation() {
        History h = new History();
        for (int e = 0; e < 5; e++) {
            h.record(Map.of("loss", 1.0 / (e + 1), "val_loss", 1.2 / (e + 1)));
        }
        Figure fig = TrainingCurves.figure(h);
        Axes ax = fig.axes().get(0);
        assertEquals(List.of("train", "validation"), List.of(ax.legendEntries().get(0).label(), ax.legendEntries().get(1).label()));
        Line val = (Line) ax.series().get(1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, val.x());
        assertEquals(Color.cycle(1), val.color());
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void imageGridTitlesWrongPredictionsInRed() {
        Figure fig = ImageGrid.figure(Tensor.wrap(new double[3 * 16], 3, 16), 4, new int[] {1, 2, 3}, new int[] {1, 5, 3}, 3);
        assertEquals("2 → 5", fig.axes().get(1).title());
        assertEquals(Color.parse("r"), fig.axes().get(1).titleColor());
        assertEquals(Color.BLACK, fig.axes().get(0).titleColor());
        assertEquals(SeriesKind.IMAGE, fig.axes().get(2).series().get(0).kind());
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void predictionStemMarksTrueClass() {
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        PredictionStem.draw(ax, new double[] {0.1, 0.7, 0.2}, 2);
        assertEquals(SeriesKind.STEM, ax.series().get(0).kind());
        assertEquals("predicted 1 (70%)", ax.title());
        assertEquals("true class: 2", ax.legendEntries().get(1).label());
        double[] others = ((org.nnlab.viz.plot.Stem) ax.series().get(0)).y();
        assertTrue(Double.isNaN(others[2]), "the true class is not drawn twice, so no marker hides a stem");
        assertEquals(Color.cycle(2), ax.series().get(1).color());
    }

    @Test
    void predictionFigurePutsTheImageBesideTheStemsWithClassNames() {
        double[][] image = new double[28][28];
        Figure fig = PredictionStem.figure(image, new double[] {0.1, 0.9}, 1, List.of("T-shirt/top", "Trouser"));
        assertEquals(2, fig.cols());
        assertEquals(SeriesKind.IMAGE, fig.axes(0, 0).series().get(0).kind());
        assertEquals("true: Trouser", fig.axes(0, 0).title());
        assertEquals("predicted Trouser (90%)", fig.axes(0, 1).title());
        assertEquals(List.of("T-shirt/top", "Trouser"), fig.axes(0, 1).xaxis().tickLabels());
    }

    @Test
    void confusionMatrixCountsAndLabelsCells() {
        assertArrayEquals(new int[][] {{1, 1}, {0, 2}}, ConfusionMatrix.counts(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, 2));
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        ConfusionMatrix.draw(ax, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, 2);
        assertEquals(4, ax.annotations().size());
        assertEquals("2", ax.annotations().get(3).text());
        assertEquals(Color.WHITE, ax.annotations().get(3).color(), "the darkest cell gets white text");
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void featureSpaceMakesXorSeparable() {
        Figure fig = new Figure();
        Tensor z = FeatureSpace.draw(fig.subplot(), HIDDEN, OUT, XOR, XOR_Y);
        double[] v = OUT.kernel().value().data();
        for (int r = 0; r < 4; r++) {
            double pre = v[0] * z.get(r, 0) + v[1] * z.get(r, 1) - 30;
            assertEquals(XOR_Y[r] == 1, pre > 0, "row " + r + " lies on its class's side of the output line");
        }
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void hyperplanesDrawOneLinePerNeuronOnItsZeroSet() {
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        Hyperplanes.draw(ax, HIDDEN, XOR, XOR_Y);
        Line h1 = (Line) ax.series().get(1);
        assertEquals("$h_{1}$", h1.label());
        double[] x = h1.x();
        double[] y = h1.y();
        assertEquals(0, 20 * x[0] + 20 * y[0] - 10, 1e-9);
        assertEquals(0, 20 * x[1] + 20 * y[1] - 10, 1e-9);
    }

    @Test
    void reluContributionsSumToTheOutput() {
        Dense h = dense(1, 2, Activation.RELU, new double[] {1, -1}, new double[] {0, 0});
        Dense o = dense(2, 1, Activation.LINEAR, new double[] {2, 3}, new double[] {0.5});
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        double[] x = {-1, 0, 1};
        ReluDecomposition.draw(ax, h, o, x, new double[] {3.5, 0.5, 2.5});
        Line sum = (Line) ax.series().get(3);
        assertArrayEquals(new double[] {3.5, 0.5, 2.5}, sum.y(), 1e-12);
        assertEquals("output: sum + $c$", sum.label(), "the layer has a bias c");
        assertEquals(Color.parse("r"), sum.color());
        assertEquals(Color.parse("b"), ax.series().get(2).color(), "the target is not black like the fit");
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void reluSumWithoutOutputBiasIsNotLabelledWithC() {
        Dense h = dense(1, 6, Activation.RELU, new double[] {1, -1, 1, -1, 1, -1}, new double[6]);
        Dense o = new Dense("out", 1, Activation.LINEAR, false, org.nnlab.core.init.Initializer.ONES,
                org.nnlab.core.init.Initializer.ZEROS);
        o.build(new int[] {6}, new java.util.SplittableRandom(1));
        Axes ax = new Figure().subplot();
        ReluDecomposition.draw(ax, h, o, new double[] {-1, 0, 1}, new double[] {1, 0, 1});
        List<String> labels = ax.legendEntries().stream().map(e -> e.label()).toList();
        assertEquals(List.of("each unit $v_j h(w_j x + b_j)$", "target", "output: sum"), labels,
                "six units share one legend entry");
    }

    @Test
    void networkDiagramEncodesSignAsColourAndSizeAsWidth() {
        Dense a = dense(2, 1, Activation.TANH, new double[] {2, -1}, new double[] {0});
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        NetworkDiagram.draw(ax, List.of(a));
        Line pos = (Line) ax.series().get(0);
        Line neg = (Line) ax.series().get(1);
        assertEquals(Color.cycle(0), pos.color());
        assertEquals(Color.cycle(3), neg.color());
        assertEquals(2 * neg.lineWidth(), pos.lineWidth(), 1e-12);
        assertTrue(!ax.axisOn());
        WellFormed.parse(fig.toSvg());
    }

    @Test
    void gradientNormsUseALogAxisWithOneLinePerLayer() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("dense", new double[] {1e-4, 1e-5});
        m.put("dense_1", new double[] {1e-1, 5e-2});
        Figure fig = new Figure();
        Axes ax = fig.subplot();
        GradientNorms.draw(ax, m);
        assertEquals(Scale.LOG, ax.yaxis().scale());
        assertEquals(2, ax.legendEntries().size());
        String svg = fig.toSvg();
        WellFormed.parse(svg);
        assertTrue(svg.contains("10<") || svg.contains(">10</tspan>"), "decade labels are drawn");
    }

    @Test
    void rejectsInputsThatAreNotTwoDimensional() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionRegions.draw(new Figure().subplot(), x -> x, Tensor.wrap(new double[6], 2, 3), new int[2], 10));
        assertEquals("x has shape [2, 3]; expected (n, 2): two input features per row. Hint: these figures show 2-D"
                + " inputs only.", e.getMessage());
    }

    private static int nearest(double[] v, double target) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i] - target) < Math.abs(v[best] - target)) {
                best = i;
            }
        }
        return best;
    }
}
