package org.nnlab.viz.nn;

import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Stem;

/**
 * A stem plot of one prediction's class probabilities (a softmax row), with the true class marked
 * by a green dotted line and the predicted class (the argmax) named in the title.
 */
public final class PredictionStem {
    private PredictionStem() {
    }

    /**
     * Draws {@code probabilities[k]} at k = 0, 1, ….
     *
     * @param trueClass the true class, or −1 if unknown
     */
    public static Stem draw(Axes ax, double[] probabilities, int trueClass) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("PredictionStem: no probabilities; expected one per class");
        }
        if (trueClass >= probabilities.length) {
            throw new IllegalArgumentException("PredictionStem: true class " + trueClass + " is not among the "
                    + probabilities.length + " classes 0.." + (probabilities.length - 1));
        }
        int best = 0;
        double[] classes = new double[probabilities.length];
        for (int k = 0; k < probabilities.length; k++) {
            classes[k] = k;
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        Stem s = ax.stem(classes, probabilities);
        if (trueClass >= 0) {
            ax.axvline(trueClass, "C2:").label("true class " + trueClass);
            ax.legend("upper right");
        }
        ax.xticks(classes).ylim(0, 1.05).xlabel("class $k$").ylabel("$P(y = k \\,|\\, x)$")
                .title("predicted " + best + " (" + Math.round(probabilities[best] * 100) + "%)");
        return s;
    }
}
