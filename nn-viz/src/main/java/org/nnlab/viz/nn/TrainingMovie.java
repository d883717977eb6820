package org.nnlab.viz.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.nnlab.core.layer.Dense;
import org.nnlab.core.layer.Layer;
import org.nnlab.core.tensor.Precision;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.core.train.BatchGradients;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.History;
import org.nnlab.core.train.Sequential;
import org.nnlab.viz.plot.Axes;
import org.nnlab.viz.plot.Figure;
import org.nnlab.viz.plot.Scale;
import org.nnlab.viz.report.Animation;

/**
 * A callback that records a {@link MovieView} of the model as it trains, every epoch or every N
 * steps, and gives the frames as an {@link Animation}: one self-contained page that plays and can be
 * stepped through.
 *
 * <pre>{@code
 * TrainingMovie movie = TrainingMovie.of(MovieView.DECISION_REGIONS, x, y).everySteps(5);
 * model.fit(x, y, f -> f.epochs(10).callbacks(movie));
 * movie.writeTo(Path.of("training.html"));
 * }</pre>
 *
 * <p>The first frame is the model before training; a last one is added when training ends between
 * frames. Each frame is drawn when it is recorded, from the weights of that moment, after the
 * optimizer step; the gradient-norm view averages the batches since the previous frame, and all its
 * frames share one y range so that they compare. A view that cannot be drawn for the model is
 * refused when training begins, naming the views that exist for it.
 */
public final class TrainingMovie implements Callback {
    /** Grid points per axis of the decision-region view. */
    public static final int RESOLUTION = 50;
    /** Points drawn at most (a fixed, evenly spaced subset of larger data), to keep frames small. */
    public static final int MAX_POINTS = 300;

    private final MovieView view;
    private final Tensor x;
    private final double[] y;
    private int everySteps;
    private String title;
    private double width = 5;
    private double height = 4.2;

    private Sequential model;
    private final List<Animation.Frame> frames = new ArrayList<>();
    private final List<Axes> normAxes = new ArrayList<>();
    private final List<double[]> normValues = new ArrayList<>();
    private long step;
    private long epoch;
    private long lastFrameStep = -1;
    private double[] normSums;
    private int normBatches;

    private TrainingMovie(MovieView view, Tensor x, double[] y) {
        this.view = Objects.requireNonNull(view, "view");
        this.x = x;
        this.y = y;
        this.title = switch (view) {
            case DECISION_REGIONS -> "Decision regions";
            case HIDDEN_FEATURES -> "Hidden feature space";
            case FITTED_CURVE -> "Fitted curve";
            case GRADIENT_NORMS -> "Gradient norm per layer";
        };
    }

    /**
     * A movie of {@code view} over the points {@code x} (n, inputs) with their labels or targets
     * {@code y} (n values).
     *
     * @throws IllegalArgumentException if x and y do not pair up
     */
    public static TrainingMovie of(MovieView view, Tensor x, Tensor y) {
        if (x.rank() < 2 || y.size() != x.rows()) {
            throw new IllegalArgumentException("TrainingMovie: x has shape " + Arrays.toString(x.shape()) + " and y "
                    + Arrays.toString(y.shape()) + "; expected (n, inputs) and n labels or targets, one per row of x");
        }
        return new TrainingMovie(view, subsample(x), subsample(y.reshape(y.size(), 1)).to(Precision.FLOAT64).data());
    }

    /** A movie of the per-layer gradient norms, which needs no data to draw. */
    public static TrainingMovie gradientNorms() {
        return new TrainingMovie(MovieView.GRADIENT_NORMS, null, null);
    }

    /**
     * Records a frame every {@code steps} optimizer steps instead of every epoch.
     *
     * @throws IllegalArgumentException for steps below 1
     */
    public TrainingMovie everySteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("everySteps (" + steps + ") must be >= 1. Hint: 1 records every step;"
                    + " leave it out for one frame per epoch.");
        }
        this.everySteps = steps;
        return this;
    }

    /** Records a frame at the end of every epoch (the default). */
    public TrainingMovie everyEpoch() {
        this.everySteps = 0;
        return this;
    }

    /** The title above the frames and of each frame's figure. */
    public TrainingMovie title(String text) {
        this.title = Objects.requireNonNull(text, "title");
        return this;
    }

    /** Each frame's figure size in inches (default 5 × 4.2). */
    public TrainingMovie size(double widthInches, double heightInches) {
        this.width = widthInches;
        this.height = heightInches;
        return this;
    }

    /** The view recorded. */
    public MovieView view() {
        return view;
    }

    @Override
    public void onTrainBegin(Sequential trained) {
        view.requireDrawable(trained);
        if (x != null && !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.rank()), trained.inputShape())) {
            throw new IllegalArgumentException("TrainingMovie: its points have shape " + Arrays.toString(x.shape())
                    + " but the model takes inputs of shape " + Arrays.toString(trained.inputShape())
                    + ". Hint: give the movie the same x as fit.");
        }
        this.model = trained;
        normSums = new double[(int) trained.layers().stream().filter(l -> l instanceof Dense).count()];
        if (frames.isEmpty() && view != MovieView.GRADIENT_NORMS) {
            record("before training");
        }
    }

    @Override
    public void onBatchGradients(BatchGradients gradients) {
        if (view != MovieView.GRADIENT_NORMS) {
            return;
        }
        int k = 0;
        for (Layer layer : gradients.model().layers()) {
            if (layer instanceof Dense d) {
                normSums[k++] += d.kernel().grad().norm();
            }
        }
        normBatches++;
    }

    @Override
    public void onBatchEnd(int epochInFit, int batch, Map<String, Double> logs) {
        step++;
        if (everySteps > 0 && step % everySteps == 0) {
            record(label(epoch + 1, logs));
        }
    }

    @Override
    public void onEpochEnd(int epochInFit, Map<String, Double> logs) {
        epoch++;
        if (everySteps == 0) {
            record(label(epoch, logs));
        }
    }

    @Override
    public void onTrainEnd(History history) {
        if (step != lastFrameStep && step > 0) {
            record("epoch " + epoch + ", step " + step + " (end)");
        }
    }

    /**
     * For a {@link MovieView#GRADIENT_NORMS} movie, each frame's mean ‖∂L/∂W‖ per Dense layer (first
     * layer first), as drawn; empty for the other views.
     */
    public List<double[]> gradientNormsPerFrame() {
        return normValues.stream().map(double[]::clone).toList();
    }

    /** The frames recorded so far. */
    public int frames() {
        return frames.size();
    }

    /**
     * The frames as an animation.
     *
     * @throws IllegalArgumentException before any frame was recorded
     */
    public Animation animation() {
        shareNormRange(List.of(this));
        return Animation.of(title, frames);
    }

    /** Writes {@link #animation()} as one self-contained HTML page, atomically. */
    public void writeTo(Path file) throws IOException {
        animation().writeTo(file);
    }

    /**
     * Movies of models trained alike, side by side in one animation: frame i shows each movie's
     * frame i, left to right, with the first movie's label.
     *
     * @throws IllegalArgumentException if the movies hold different numbers of frames
     */
    public static Animation together(String title, TrainingMovie... movies) {
        List<TrainingMovie> all = List.of(movies);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("TrainingMovie.together needs at least one movie");
        }
        int n = all.get(0).frames.size();
        for (TrainingMovie m : all) {
            if (m.frames.size() != n) {
                throw new IllegalArgumentException("TrainingMovie.together: the movies hold " + all.stream()
                        .map(TrainingMovie::frames).toList() + " frames; expected the same number. Hint: record them"
                        + " with the same schedule (everySteps or everyEpoch) over the same epochs and data size.");
            }
        }
        shareNormRange(all);
        List<Animation.Frame> joined = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Figure> panels = new ArrayList<>();
            for (TrainingMovie m : all) {
                panels.addAll(m.frames.get(i).panels());
            }
            joined.add(new Animation.Frame(all.get(0).frames.get(i).label(), panels));
        }
        return Animation.of(title, joined);
    }

    private String label(long shownEpoch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        return "epoch " + shownEpoch + ", step " + step + (loss == null ? "" : String.format(Locale.ROOT, ", loss %.4g", loss));
    }

    private void record(String label) {
        lastFrameStep = step;
        Figure figure = new Figure(width, height);
        Axes ax = figure.subplot();
        switch (view) {
            case DECISION_REGIONS -> DecisionRegions.draw(ax, model::predict, x, labels(), RESOLUTION);
            case HIDDEN_FEATURES -> hiddenFeatures(ax);
            case FITTED_CURVE -> FittedCurve.draw(ax, model, x, y);
            case GRADIENT_NORMS -> gradientNorms(ax);
        }
        ax.title(title + ", " + label);
        frames.add(new Animation.Frame(label, List.of(figure)));
    }

    private void hiddenFeatures(Axes ax) {
        int k = MovieView.hiddenPair(model);
        Tensor z = x;
        List<Layer> layers = model.layers();
        for (int i = 0; i <= k; i++) {
            z = layers.get(i).forward(z, false);
        }
        Dense next = layers.get(k + 1) instanceof Dense d && d.units() == 1 ? d : null;
        FeatureSpace.drawFeatures(ax, z.copy(), (Dense) layers.get(k), next, labels(), true);
    }

    private void gradientNorms(Axes ax) {
        double[] layer = new double[normSums.length];
        double[] mean = new double[normSums.length];
        for (int i = 0; i < mean.length; i++) {
            layer[i] = i + 1;
            mean[i] = normBatches == 0 ? Double.NaN : normSums[i] / normBatches;
        }
        Arrays.fill(normSums, 0);
        normBatches = 0;
        ax.plot(layer, mean, "o-").lineWidth(3);
        ax.yscale(Scale.LOG).xlim(0.5, mean.length + 0.5).xlabel("Dense layer (1 = nearest the input)")
                .ylabel("mean ‖∂L/∂W‖").grid(0.3);
        normAxes.add(ax);
        normValues.add(mean);
    }

    /** Gives every gradient-norm frame of {@code movies} the y range of all of them, so the frames compare. */
    private static void shareNormRange(List<TrainingMovie> movies) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (TrainingMovie m : movies) {
            for (double[] values : m.normValues) {
                for (double v : values) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (hi > 0) {
            for (TrainingMovie m : movies) {
                for (Axes ax : m.normAxes) {
                    ax.ylim(lo / 2, hi * 2);
                }
            }
        }
    }

    private int[] labels() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) Math.round(y[i]);
        }
        return out;
    }

    /** At most {@value #MAX_POINTS} rows, evenly spaced, so that a frame stays small. */
    private static Tensor subsample(Tensor t) {
        int n = t.rows();
        if (n <= MAX_POINTS) {
            return t.copy();
        }
        int[] rows = new int[MAX_POINTS];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) ((long) i * n / MAX_POINTS);
        }
        int[] shape = t.shape().clone();
        shape[0] = MAX_POINTS;
        return t.gatherRows(rows, 0, rows.length, Tensor.zeros(shape));
    }
}
