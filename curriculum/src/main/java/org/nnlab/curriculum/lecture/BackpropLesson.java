package org.nnlab.curriculum.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.core.check.GradientCheck;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.layer.Parameter;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.loss.MeanSquaredError;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.Sequential;
import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/**
 * Section 6: backpropagation on a 2-2-1 sigmoid network, one number at a time.
 *
 * <p>Forward: z¹ = W¹ᵀx + b¹, a¹ = σ(z¹), z² = W²ᵀa¹ + b², ŷ = σ(z²), L = (ŷ − y)². Backward, each
 * line reusing the one before (the memoization of section 5): ∂L/∂ŷ = 2(ŷ − y); ∂L/∂z² = ∂L/∂ŷ·ŷ(1 − ŷ);
 * ∂L/∂W²ⱼ = ∂L/∂z²·a¹ⱼ; ∂L/∂a¹ⱼ = ∂L/∂z²·W²ⱼ; ∂L/∂z¹ⱼ = ∂L/∂a¹ⱼ·a¹ⱼ(1 − a¹ⱼ); ∂L/∂W¹ᵢⱼ = ∂L/∂z¹ⱼ·xᵢ.
 * The hand computation is compared with nn-core's backward pass and with central differences.
 */
final class BackpropLesson implements Lesson {
    private static final double[] X = {1.0, 0.5};
    private static final double Y = 1.0;
    private static final double[][] W1 = {{0.15, -0.25}, {0.20, 0.30}};
    private static final double[] B1 = {0.35, 0.35};
    private static final double[] W2 = {0.40, -0.45};
    private static final double B2 = 0.60;

    @Override
    public String id() {
        return "backprop";
    }

    @Override
    public String title() {
        return "6. Backpropagation, step by step";
    }

    @Override
    public void run(LessonContext ctx) {
        ctx.paragraph("We follow one example x = (1, 0.5) with target y = 1 through a 2-2-1 sigmoid network with"
                + " squared error, first forward, then backward. Every backward line multiplies the gradient"
                + " arriving from above by one local derivative: the chain rule, computed once per node.");
        // Forward, by hand.
        double[] z1 = new double[2];
        double[] a1 = new double[2];
        for (int j = 0; j < 2; j++) {
            z1[j] = W1[0][j] * X[0] + W1[1][j] * X[1] + B1[j];
            a1[j] = Activation.sigmoid(z1[j]);
        }
        double z2 = W2[0] * a1[0] + W2[1] * a1[1] + B2;
        double yHat = Activation.sigmoid(z2);
        double loss = (yHat - Y) * (yHat - Y);
        // Backward, by hand.
        double dYHat = 2 * (yHat - Y);
        double dZ2 = dYHat * yHat * (1 - yHat);
        double[] dW2 = {dZ2 * a1[0], dZ2 * a1[1]};
        double[] dA1 = {dZ2 * W2[0], dZ2 * W2[1]};
        double[] dZ1 = {dA1[0] * a1[0] * (1 - a1[0]), dA1[1] * a1[1] * (1 - a1[1])};
        double[][] dW1 = {{dZ1[0] * X[0], dZ1[1] * X[0]}, {dZ1[0] * X[1], dZ1[1] * X[1]}};

        List<List<Object>> forward = List.of(
                row("z¹ = W¹ᵀx + b¹", z1), row("a¹ = σ(z¹)", a1), row("z² = W²ᵀa¹ + b²", z2),
                row("ŷ = σ(z²)", yHat), row("L = (ŷ − y)²", loss));
        ctx.table(List.of("forward", "value"), forward);

        // The same network in nn-core, and its backward pass, in float64: the hand computation is in double,
        // and the two must agree exactly.
        Sequential model = new Sequential("backprop", new int[] {2}, List.of(
                new Dense(2, Activation.SIGMOID), new Dense(1, Activation.SIGMOID)), ctx.seed(), Precision.FLOAT64);
        model.setWeights(List.of(Tensor.matrix(W1), Tensor.vector(B1), Tensor.wrap(W2.clone(), 2, 1), Tensor.vector(B2)));
        Tensor x = Tensor.wrap(X.clone(), 1, 2);
        Tensor y = Tensor.wrap(new double[] {Y}, 1, 1);
        Loss mse = new MeanSquaredError();
        List<Parameter> params = model.parameters();
        params.forEach(Parameter::zeroGrad);
        Tensor grad = mse.gradient(model.forward(x, true), y);
        List<Layer> layers = model.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(grad);
        }
        double[][] byHand = {{dW1[0][0], dW1[0][1], dW1[1][0], dW1[1][1]}, dZ1, dW2, {dZ2}};
        String[] names = {"∂L/∂W¹", "∂L/∂b¹", "∂L/∂W²", "∂L/∂b²"};
        List<List<Object>> backward = new ArrayList<>();
        backward.add(row("∂L/∂ŷ = 2(ŷ − y)", dYHat));
        backward.add(row("∂L/∂z² = ∂L/∂ŷ · ŷ(1 − ŷ)", dZ2));
        backward.add(row("∂L/∂a¹ = ∂L/∂z² · W²", dA1));
        backward.add(row("∂L/∂z¹ = ∂L/∂a¹ · a¹(1 − a¹)", dZ1));
        double worstCore = 0;
        double worstNumeric = 0;
        for (int p = 0; p < params.size(); p++) {
            double[] core = params.get(p).grad().data().clone();
            GradientCheck.Entry numeric = GradientCheck.compare(params.get(p).name(), params.get(p).value().data(),
                    core, () -> mse.compute(model.forward(x, true), y));
            for (int k = 0; k < core.length; k++) {
                worstCore = Math.max(worstCore, Math.abs(core[k] - byHand[p][k]));
            }
            worstNumeric = Math.max(worstNumeric, numeric.maxRelativeError());
            backward.add(row(names[p], byHand[p]));
        }
        ctx.table(List.of("backward", "value"), backward);
        ctx.number("loss", loss);
        ctx.number("max_abs_difference_hand_vs_core", worstCore);
        ctx.number("max_relative_error_core_vs_numerical", worstNumeric);
        ctx.paragraph(String.format(Locale.ROOT, "nn-core's backward pass gives the same gradients as the hand"
                + " computation (largest difference %.1e) and central differences confirm them (largest relative"
                + " error %.1e; below 1e-7 is a correct gradient).", worstCore, worstNumeric));
        ctx.figure("graph", graph(z1, a1, z2, yHat, loss, dZ1, dZ2, dW1, dW2), "The computation graph with each"
                + " node's value (black) and the gradient of the loss with respect to it (red). Edges are blue for a"
                + " positive weight and red for a negative one, as wide as the weight is large; each edge's label"
                + " gives the weight and, below it in red, ∂L/∂weight.");
    }

    private static Figure graph(double[] z1, double[] a1, double z2, double yHat, double loss, double[] dZ1,
                                double dZ2, double[][] dW1, double[] dW2) {
        Figure figure = new Figure(9, 4.8);
        Axes ax = figure.subplot();
        double[][] in = {{0, 2}, {0, 0}};
        double[][] hidden = {{3, 2}, {3, 0}};
        double[] out = {6, 1};
        double[] lossNode = {8, 1};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // The two crossing edges are labelled near their start, the straight ones mid-way,
                // so no two labels share a place where edges cross.
                edge(ax, in[i], hidden[j], W1[i][j], dW1[i][j], i == j ? 0.5 : 0.35);
            }
            edge(ax, hidden[i], out, W2[i], dW2[i], 0.45);
        }
        ax.plot(new double[] {Double.NaN}, new double[] {Double.NaN}, "b-").lineWidth(2).label("weight > 0");
        ax.plot(new double[] {Double.NaN}, new double[] {Double.NaN}, "r-").lineWidth(2).label("weight < 0");
        ax.legend("lower right");
        ax.plot(new double[] {out[0], lossNode[0]}, new double[] {out[1], lossNode[1]}, "k-").lineWidth(1);
        double[] nx = {0, 0, 3, 3, 6, 8};
        double[] ny = {2, 0, 2, 0, 1, 1};
        ax.scatter(nx, ny).color("#dddddd").edgeColor("k").size(900);
        label(ax, in[0], "x₁ = " + fmt(X[0]), null);
        label(ax, in[1], "x₂ = " + fmt(X[1]), null);
        for (int j = 0; j < 2; j++) {
            label(ax, hidden[j], "z = " + fmt(z1[j]) + "\na = " + fmt(a1[j]), "∂L/∂z = " + fmt(dZ1[j]));
        }
        label(ax, out, "z = " + fmt(z2) + "\nŷ = " + fmt(yHat), "∂L/∂z = " + fmt(dZ2));
        label(ax, lossNode, "y = " + fmt(Y) + "\nL = " + fmt(loss), "∂L/∂L = 1");
        ax.xlim(-1, 9).ylim(-1, 3).title("Forward values and backward gradients");
        ax.xticks(new double[0]).yticks(new double[0]);
        return figure;
    }

    /** An edge coloured by the weight's sign, labelled at fraction {@code t} of its length (apart where edges cross). */
    private static void edge(Axes ax, double[] from, double[] to, double w, double dw, double t) {
        ax.plot(new double[] {from[0], to[0]}, new double[] {from[1], to[1]}, w >= 0 ? "b-" : "r-").lineWidth(1 + 3 * Math.abs(w));
        double mx = (1 - t) * from[0] + t * to[0];
        double my = (1 - t) * from[1] + t * to[1];
        ax.text(mx, my + 0.06, "w = " + fmt(w)).fontSize(8).align(Annotation.Align.CENTER).withBox();
        ax.text(mx, my - 0.2, fmt(dw)).fontSize(8).color("r").align(Annotation.Align.CENTER).withBox();
    }

    private static void label(Axes ax, double[] at, String value, String gradient) {
        String[] lines = value.split("\n");
        for (int i = 0; i < lines.length; i++) {
            ax.text(at[0], at[1] + 0.45 + 0.22 * (lines.length - 1 - i), lines[i]).fontSize(9).align(Annotation.Align.CENTER);
        }
        if (gradient != null) {
            ax.text(at[0], at[1] - 0.55, gradient).fontSize(9).color("r").align(Annotation.Align.CENTER);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static List<Object> row(String name, double... values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", v));
        }
        return List.of(name, values.length == 1 ? sb.toString() : "(" + sb + ")");
    }
}
