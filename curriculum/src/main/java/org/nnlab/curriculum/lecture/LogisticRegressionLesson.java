package org.nnlab.curriculum.lecture;

import static org.nnlab.core.layer.Activation.SIGMOID;
import static org.nnlab.core.train.Metric.ACCURACY;
import static org.nnlab.dsl.Nn.BINARY_CROSSENTROPY;

import java.util.Locale;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.nn.TrainingCurves;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/**
 * Section 2 (the lecture's §3): logistic regression is a network of one sigmoid neuron.
 *
 * <p>ŷ = σ(w₁x₁ + w₂x₂ + b) is the probability of class 1; the decision boundary ŷ = 0.5 is the line
 * w₁x₁ + w₂x₂ + b = 0. Trained with binary cross-entropy on the lecture's linearly separable set
 * (class 1 where 0.8·x₁ + x₂ − 3 ≥ 0), the learned line lands on the true one.
 */
final class LogisticRegressionLesson implements Lesson {

    @Override
    public String id() {
        return "logistic";
    }

    @Override
    public String title() {
        return "2. Logistic regression as a one-neuron network (lecture §3)";
    }

    @Override
    public void run(LessonContext ctx) {
        Dataset data = LectureData.linearlySeparable(ctx.seed());
        ctx.paragraph("One neuron with a sigmoid output, ŷ = σ(w₁x₁ + w₂x₂ + b), reads as the probability that"
                + " a point belongs to class 1. We train it on 1,000 points with x₁ = 8·U, x₂ = 7·U − 4 and class 1"
                + " where 0.8·x₁ + x₂ − 3 ≥ 0, with Adam (learning rate 0.1), binary cross-entropy, 10 epochs of"
                + " batches of 32, as the lecture's Keras code does:");
        ctx.snippet("model");
        // SNIPPET model
        Sequential model = Models.compile(Nn.input(2)
                .dense(1, SIGMOID)
                .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        History history = model.fit(data, ctx.fit().epochs(10).batchSize(32).build());
        Dense neuron = (Dense) model.layers().get(0);
        double[][] w = {{neuron.kernel().value().get(0, 0)}, {neuron.kernel().value().get(1, 0)}};
        double[] b = {neuron.bias().value().get(0)};
        // END SNIPPET
        double accuracy = model.evaluate(data, 32).get("accuracy");
        double w1 = w[0][0];
        double w2 = w[1][0];
        ctx.number("accuracy", accuracy);
        ctx.number("final_loss", history.last("loss"));
        ctx.number("w1", w1);
        ctx.number("w2", w2);
        ctx.number("b", b[0]);
        // Scale the learned line so the x₂ coefficient is 1, as in the true line 0.8·x₁ + x₂ − 3.
        ctx.number("w1_over_w2", w1 / w2);
        ctx.number("b_over_w2", b[0] / w2);
        ctx.paragraph("The weights, printed as the lecture prints them (print(w), print(b)):");
        ctx.code("w = " + LessonFigures.numpy(w).replace("\n", "\n    ") + "\nb = " + LessonFigures.numpy(b));
        ctx.paragraph(String.format(Locale.ROOT, "The lecture's printed values are not reproduced digit for digit:"
                + " its data and initial weights come from NumPy's and TensorFlow's random streams, ours from"
                + " nnlab's seed %d. What carries over is the line: divided by w₂, ours reads"
                + " %.3f·x₁ + x₂ %+.3f = 0, against the true 0.8·x₁ + x₂ − 3 = 0. Accuracy on the 1,000 points:"
                + " %.1f%%.", ctx.seed(), w1 / w2, b[0] / w2, 100 * accuracy));

        Figure figure = new Figure(6, 4);
        Axes ax = figure.subplot();
        LessonFigures.classes(ax, data);
        LessonFigures.line(ax, 0.8, 1, -3, 0, 8, "k--", "true");
        LessonFigures.line(ax, w1, w2, b[0], 0, 8, "g-", "learned");
        ax.xlim(0, 8).ylim(-4, 3).xlabel("$x_1$", LessonFigures.FONT).ylabel("$x_2$", LessonFigures.FONT).grid(0.3);
        ctx.figure("boundary", figure, "The separable set (C0 blue, C1 red), the true boundary (dashed) and the line"
                + " the sigmoid neuron learned in 10 epochs (green).");
        ctx.figure("curves", TrainingCurves.figure(history), "Loss and accuracy per epoch.");
    }
}
