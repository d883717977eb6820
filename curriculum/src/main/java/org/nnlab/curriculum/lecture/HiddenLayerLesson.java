package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.train.Metric.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;

import java.util.List;
import java.util.Locale;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.core.train.Verbosity;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.nn.DecisionRegions;
import org.nnlab.viz.nn.FeatureSpace;
import org.nnlab.viz.nn.Hyperplanes;

/**
 * Section 3 (the lecture's §3.1): a hidden layer learns features in which the classes become
 * linearly separable.
 *
 * <p>On the nonlinear set (class 1 above the parabola −0.5(x₁ − 1)² + 2x₂ + 5 = 0) no line does
 * well. A 2-2-1 sigmoid network maps each point to hidden features z = σ(W¹ᵀx + b¹); in the
 * (z₁, z₂) plane the output neuron's line separates the classes, and back in input space the
 * boundary is curved.
 */
final class HiddenLayerLesson implements Lesson {
    static final int EPOCHS = 10;

    @Override
    public String id() {
        return "hidden";
    }

    @Override
    public String title() {
        return "3. Hidden layers as learned features (lecture §3.1)";
    }

    @Override
    public void run(LessonContext ctx) {
        Dataset data = LectureData.nonlinear(ctx.seed());
        ctx.paragraph("The nonlinear set: x₁ = 10·U − 5, x₂ = 8·U − 4, class 1 above the parabola"
                + " −0.5(x₁ − 1)² + 2x₂ + 5 = 0. A single neuron can only draw a line; we first measure the best it"
                + " does with the same training, then add a hidden layer of two sigmoid units, as the lecture does"
                + " (Adam with learning rate 0.1, binary cross-entropy, " + EPOCHS + " epochs):");
        Sequential line = Models.compile(Nn.input(2).dense(1, SIGMOID)
                .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY).seed(ctx.seed()));
        line.fit(data, FitOptions.builder().epochs(EPOCHS).batchSize(32).verbosity(Verbosity.SILENT).build());
        double lineAccuracy = line.evaluate(data, 32).get("accuracy");

        ctx.snippet("model");
        // SNIPPET model
        Sequential model = Models.compile(Nn.input(2)
                .dense(2, SIGMOID)       // hidden layer: two learned features z₁, z₂
                .dense(1, SIGMOID)       // output: logistic regression on (z₁, z₂)
                .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        History history = model.fit(data, ctx.fit().epochs(EPOCHS).batchSize(32).build());
        // END SNIPPET
        double accuracy = model.evaluate(data, 32).get("accuracy");
        ctx.number("line_accuracy", lineAccuracy);
        ctx.number("accuracy", accuracy);
        ctx.number("final_loss", history.last("loss"));
        ctx.table(List.of("model", "accuracy"), List.of(
                List.of("one neuron (a line)", String.format(Locale.ROOT, "%.1f%%", 100 * lineAccuracy)),
                List.of("2-2-1 sigmoid network", String.format(Locale.ROOT, "%.1f%%", 100 * accuracy))));

        Dense hidden = (Dense) model.layers().get(0);
        Dense output = (Dense) model.layers().get(1);
        int[] labels = LessonFigures.labels(data);
        Figure input = new Figure(12, 5);
        List<Axes> axes = input.subplots(1, 2);
        Hyperplanes.draw(axes.get(0), hidden, data.features(), labels);
        axes.get(0).title("The hidden units' lines in input space").legend("lower right");
        DecisionRegions.draw(axes.get(1), x -> model.predict(x), data.features(), labels, 150);
        axes.get(1).title("Decision region of the 2-2-1 network");
        ctx.figure("input-space", input, "Left: each hidden unit's line w·x + b = 0, where its output is 0.5."
                + " Right: the network's decision region and its 0.5 line, curved although each unit draws a"
                + " straight line.");

        Figure features = new Figure(6, 6);
        FeatureSpace.draw(features.subplot(), hidden, output, data.features(), labels);
        ctx.figure("hidden-features", features, "The same points in the hidden layer's feature space (z₁, z₂),"
                + " with equal units on both axes: here a straight line, the output neuron's, separates the classes.");
        ctx.paragraph(String.format(Locale.ROOT, "The best line reaches %.1f%%; the hidden layer lifts it to"
                + " %.1f%%. The network did not get a new kind of neuron: it learned a change of coordinates in"
                + " which the old kind suffices.", 100 * lineAccuracy, 100 * accuracy));
    }
}
