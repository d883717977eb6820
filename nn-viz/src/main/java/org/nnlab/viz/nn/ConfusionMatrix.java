package org.nnlab.viz.nn;

import org.nnlab.viz.plot.Annotation;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Color;
import org.nnlab.viz.plot.Colormap;
import org.nnlab.viz.plot.Image;

/**
 * A confusion matrix: row i, column j counts the examples of true class i predicted as j, shown
 * as a Blues image with a colorbar and the count written in each cell (white on dark cells).
 */
public final class ConfusionMatrix {
    private ConfusionMatrix() {
    }

    /** The counts[true][predicted] for labels in 0..classes−1. */
    public static int[][] counts(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("ConfusionMatrix: " + truth.length + " true labels but " + predicted.length
                    + " predictions; expected one prediction per example");
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("ConfusionMatrix: example " + i + " has labels (" + truth[i] + ", "
                        + predicted[i] + "); expected both in 0.." + (classes - 1));
            }
            m[truth[i]][predicted[i]]++;
        }
        return m;
    }

    /** Draws the matrix of {@code truth} against {@code predicted} into {@code ax}. */
    public static Image draw(Axes ax, int[] truth, int[] predicted, int classes) {
        int[][] m = counts(truth, predicted, classes);
        double[][] v = new double[classes][classes];
        int max = 1;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                v[i][j] = m[i][j];
                max = Math.max(max, m[i][j]);
            }
        }
        Image im = ax.imshow(v).cmap(Colormap.BLUES).range(0, max);
        double size = classes <= 10 ? 9 : 6;
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                Color bg = im.colorOf(v[i][j]);
                ax.text(j, i, String.valueOf(m[i][j])).align(Annotation.Align.CENTER).verticalCenter()
                        .fontSize(size).color(bg.luminance() < 0.5 ? "w" : "k");
            }
        }
        double[] ticks = new double[classes];
        for (int k = 0; k < classes; k++) {
            ticks[k] = k;
        }
        ax.xticks(ticks).yticks(ticks).xlabel("predicted class").ylabel("true class").colorbar(im, "count");
        return im;
    }
}
