package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.loss.Loss;
import org.nnlab.core.optim.OptimizerConfig;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.EarlyStopping;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Metric;
import org.nnlab.core.train.ReduceLROnPlateau;

/**
 * How a model trains: Keras's {@code compile(optimizer, loss, metrics)} plus the options of {@code fit}.
 *
 * <p>All four are nn-core's types. The fit options here are the spec's: saved with the model, so
 * they hold only data (epochs, batch size, shuffling, validation split, verbosity, early stopping,
 * ReduceLROnPlateau);
 * validation data, an output stream and callbacks that are code are given when training, to
 * {@code Model.fit}.
 *
 * @param metrics reported besides the loss; may be empty
 */
public record TrainingSpec(
        @JsonProperty(value = "optimizer", required = true) OptimizerConfig<?> optimizer,
        @JsonProperty(value = "loss", required = true) Loss loss,
        @JsonProperty(value = "metrics", required = true) List<Metric> metrics,
        @JsonProperty(value = "fit", required = true) FitOptions fit) {

    /**
     * @throws IllegalArgumentException if the fit options hold something a saved spec cannot: validation
     *     data, an output other than {@code System.out}, or a callback other than early stopping and
     *     ReduceLROnPlateau
     */
    public TrainingSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(fit, "fit");
        String atFitTime = " Hint: give it when training instead, e.g. model.fit(x, y, f -> f.validationData(xv, yv)"
                + ".callbacks(myCallback)).";
        if (fit.validationData() != null) {
            throw new IllegalArgumentException("A spec's fit options are saved with the model, and validation data in"
                    + " memory cannot be." + atFitTime);
        }
        if (fit.out() != System.out) {
            throw new IllegalArgumentException("A spec's fit options are saved with the model, and an output stream"
                    + " cannot be." + atFitTime);
        }
        for (Callback c : fit.callbacks()) {
            if (!(c instanceof EarlyStopping || c instanceof ReduceLROnPlateau)) {
                throw new IllegalArgumentException("A spec's fit options are saved with the model, and the callback "
                        + c + " is code, not data; only early stopping and ReduceLROnPlateau can be saved." + atFitTime);
            }
        }
    }

    /** Keras's defaults for fit: {@link FitOptions#defaults()}. */
    public TrainingSpec(OptimizerConfig<?> optimizer, Loss loss, List<Metric> metrics) {
        this(optimizer, loss, metrics, FitOptions.defaults());
    }

    /** A copy with other fit options. */
    public TrainingSpec withFit(FitOptions fit) {
        return new TrainingSpec(optimizer, loss, metrics, fit);
    }

    /**
     * Checks this configuration against the model it trains, by nn-core's rules: backpropagation
     * can pass every layer, the output layer suits the loss, each weight-decay exclusion names a
     * parameter, each callback's monitored metric is compiled, and ReduceLROnPlateau meets a
     * constant learning rate.
     *
     * @throws IllegalArgumentException with what, where, and a hint
     */
    void check(LayerTable table) {
        for (LayerRow r : table.rows()) {
            r.config().checkTrainable(r.where());
        }
        LayerRow output = table.last();
        loss.checkOutput(table.outputActivation(), output.outputShape().dims(), output.where());
        optimizer.checkExclusions(table.parameterNames());
        for (Callback c : fit.callbacks()) {
            if (c instanceof EarlyStopping e) {
                e.config().monitor().requireReportedBy(metrics);
            } else {
                ((ReduceLROnPlateau) c).config().monitor().requireReportedBy(metrics);
                optimizer.requireSettableLearningRate("ReduceLROnPlateau");
            }
        }
    }
}
