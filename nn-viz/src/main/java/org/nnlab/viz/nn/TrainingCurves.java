package org.nnlab.viz.nn;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.core.train.History;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;

/**
 * Training curves from a {@link History}: one axes per quantity (loss first, then each metric),
 * the training values as a solid line and the validation values ({@code val_…}) dashed, against
 * epochs 1, 2, …, like the usual {@code plt.plot(history.history['loss'])} figures.
 */
public final class TrainingCurves {
    private TrainingCurves() {
    }

    /**
     * A figure of {@code 4.2} inches per quantity by 3.4 inches.
     *
     * @throws IllegalArgumentException if the history has no epochs
     */
    public static Figure figure(History history) {
        List<String> bases = new ArrayList<>();
        for (String k : history.keys()) {
            String base = k.startsWith("val_") ? k.substring(4) : k;
            if (!bases.contains(base)) {
                bases.add(base);
            }
        }
        if (bases.isEmpty() || history.epochs() == 0) {
            throw new IllegalArgumentException("TrainingCurves: the history is empty (keys " + history.keys()
                    + "); expected at least one epoch. Hint: plot after fit has run.");
        }
        Figure fig = new Figure(Math.min(16, 4.2 * bases.size()), 3.4);
        List<Axes> axes = fig.subplots(1, bases.size());
        for (int i = 0; i < bases.size(); i++) {
            draw(axes.get(i), history, bases.get(i));
        }
        return fig;
    }

    /** Draws {@code key} and, if recorded, {@code val_key} into {@code ax}. */
    public static void draw(Axes ax, History history, String key) {
        double[] train = history.has(key) ? history.get(key) : null;
        double[] val = history.has("val_" + key) ? history.get("val_" + key) : null;
        if (train == null && val == null) {
            throw new IllegalArgumentException("TrainingCurves: history has neither '" + key + "' nor 'val_" + key
                    + "'; it has " + history.keys());
        }
        if (train != null) {
            ax.plot(epochs(train.length), train, "C0-").label("train");
        }
        if (val != null) {
            ax.plot(epochs(val.length), val, "C1--").label("validation");
        }
        ax.xlabel("epoch").ylabel(key).title(key).grid(0.3).legend();
    }

    private static double[] epochs(int n) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = i + 1;
        }
        return e;
    }
}
