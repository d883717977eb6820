package org.nnlab.viz.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Mathtext;
import org.nnlab.viz.plot.Stem;

/**
 * A stem plot of one prediction's class probabilities (a softmax row), the true class's stem drawn
 * in green beside the others (not over them), and the predicted class (the argmax) named in the
 * title; {@link #figure} puts the input image beside it, as the lecture's 1 × 2 subplot does.
 */
public final class PredictionStem {
    private PredictionStem() {
    }

    /** {@link #draw(Axes, double[], int, List)} with the classes named by their indices. */
    public static Stem draw(Axes ax, double[] probabilities, int trueClass) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < probabilities.length; k++) {
            names.add(String.valueOf(k));
        }
        return draw(ax, probabilities, trueClass, names);
    }

    /**
     * Draws {@code probabilities[k]} at k = 0, 1, …, with the x ticks labelled by {@code classNames}.
     *
     * @param trueClass the true class, or −1 if unknown
     * @return the stems of the classes other than the true one
     */
    public static Stem draw(Axes ax, double[] probabilities, int trueClass, List<String> classNames) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("PredictionStem: no probabilities; expected one per class");
        }
        if (trueClass >= probabilities.length) {
            throw new IllegalArgumentException("PredictionStem: true class " + trueClass + " is not among the "
                    + probabilities.length + " classes 0.." + (probabilities.length - 1));
        }
        if (classNames.size() != probabilities.length) {
            throw new IllegalArgumentException("PredictionStem: " + classNames.size() + " class names for "
                    + probabilities.length + " probabilities; expected one name per class");
        }
        int best = 0;
        double[] classes = new double[probabilities.length];
        for (int k = 0; k < probabilities.length; k++) {
            classes[k] = k;
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        double[] others = probabilities.clone();
        if (trueClass >= 0) {
            others[trueClass] = Double.NaN;
        }
        Stem s = ax.stem(classes, others).color("C0").label("other classes");
        if (trueClass >= 0) {
            ax.stem(new double[] {trueClass}, new double[] {probabilities[trueClass]}).color("C2")
                    .label("true class: " + Mathtext.escape(classNames.get(trueClass)));
            ax.legend("upper right");
        }
        ax.xticks(classes, classNames.stream().map(Mathtext::escape).toArray(String[]::new)).ylim(0, 1.1).xlabel("class $k$")
                .ylabel("$P(y = k \\,|\\, x)$")
                .title("predicted " + Mathtext.escape(classNames.get(best)) + " (" + Math.round(probabilities[best] * 100) + "%)");
        return s;
    }

    /**
     * The lecture's 1 × 2 figure, 8 × 4 inches: the input image (grey, no axes) titled with its true
     * class, and the stem plot of the predicted probabilities beside it.
     *
     * @param image the pixels, row 0 on top
     */
    public static Figure figure(double[][] image, double[] probabilities, int trueClass, List<String> classNames) {
        Figure fig = new Figure(8, 4);
        List<Axes> ax = fig.subplots(1, 2);
        ax.get(0).imshow(image).cmap(Colormap.GRAY);
        ax.get(0).axisOff().title(trueClass >= 0 ? "true: " + Mathtext.escape(classNames.get(trueClass)) : "input");
        draw(ax.get(1), probabilities, trueClass, classNames);
        return fig;
    }
}
