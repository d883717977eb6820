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
import org.nnlab.data.Dataset;
import org.nnlab.data.synthetic.LectureData;
import org.nnlab.dsl.Nn;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.nn.TrainingCurves;

/**
 * Section 2: logistic regression is a network of one sigmoid neuron.
 *
 * <p>ŷ = σ(w₁x₁ + w₂x₂ + b) is the probability of class 1; the decision boundary ŷ = 0.5 is the line
 * w₁x₁ + w₂x₂ + b = 0. Trained with binary cross-entropy on the lecture's linearly separable set
 * (class 1 where 0.8·x₁ + x₂ − 3 ≥ 0), the learned line lands on the true one.
 */
final class LogisticRegressionLesson implements Lesson {
    static final String DSL = """
            Sequential model = Models.compile(Nn.input(2)
                    .dense(1, SIGMOID)
                    .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY));
            model.fit(data, FitOptions.builder().epochs(10).batchSize(32).build());""";

    @Override
    public String id() {
        return "logistic";
    }

    @Override
    public String title() {
        return "2. Logistic regression as a one-neuron network";
    }

    @Override
    public void run(LessonContext ctx) {
        Dataset data = LectureData.linearlySeparable(ctx.seed());
        ctx.paragraph("One neuron with a sigmoid output, ŷ = σ(w₁x₁ + w₂x₂ + b), reads as the probability that"
                + " a point belongs to class 1. We train it on 1,000 points with x₁ = 8·U, x₂ = 7·U − 4 and class 1"
                + " where 0.8·x₁ + x₂ − 3 ≥ 0, with Adam (learning rate 0.1), binary cross-entropy, 10 epochs of"
                + " batches of 32, exactly as the lecture's Keras code does:");
        ctx.code(DSL);
        Sequential model = Models.compile(Nn.input(2)
                .dense(1, SIGMOID)
                .compile(Nn.adam().learningRate(0.1), BINARY_CROSSENTROPY, ACCURACY)
                .seed(ctx.seed()));
        History history = model.fit(data, FitOptions.builder().epochs(10).batchSize(32)
                .verbosity(ctx.verbosity()).out(ctx.log()).build());
        double accuracy = model.evaluate(data, 32).get("accuracy");
        Dense neuron = (Dense) model.layers().get(0);
        double w1 = neuron.kernel().value().get(0, 0);
        double w2 = neuron.kernel().value().get(1, 0);
        double b = neuron.bias().value().get(0);
        ctx.number("accuracy", accuracy);
        ctx.number("final_loss", history.last("loss"));
        ctx.number("w1", w1);
        ctx.number("w2", w2);
        ctx.number("b", b);
        // Scale the learned line so the x₂ coefficient is 1, as in the true line 0.8·x₁ + x₂ − 3.
        ctx.number("w1_over_w2", w1 / w2);
        ctx.number("b_over_w2", b / w2);
        ctx.paragraph(String.format(Locale.ROOT, "Accuracy on the 1,000 points: %.1f%%. The learned line is"
                + " %.3f·x₁ + %.3f·x₂ %+.3f = 0; divided by w₂ it reads %.3f·x₁ + x₂ %+.3f = 0, against the true"
                + " 0.8·x₁ + x₂ − 3 = 0.", 100 * accuracy, w1, w2, b, w1 / w2, b / w2));

        Figure figure = new Figure(6.4, 4.8);
        Axes ax = figure.subplot();
        LessonFigures.scatterClasses(ax, data);
        LessonFigures.line(ax, 0.8, 1, -3, 0, 8, "k--", "true boundary");
        LessonFigures.line(ax, w1, w2, b, 0, 8, "r-", "learned boundary");
        ax.xlim(0, 8).ylim(-4, 3).xlabel("$x_1$").ylabel("$x_2$").title("Logistic regression on separable data")
                .legend("lower right");
        ctx.figure("boundary", figure, "The separable set (class 0 blue, class 1 orange), the true boundary and"
                + " the one the sigmoid neuron learned in 10 epochs.");
        ctx.figure("curves", TrainingCurves.figure(history), "Loss and accuracy per epoch.");
        ctx.table(List.of("weight", "value"), List.of(List.of("w₁", w1), List.of("w₂", w2), List.of("b", b)));
    }
}
