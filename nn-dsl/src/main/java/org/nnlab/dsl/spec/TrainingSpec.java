package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.layer.Activation;
import org.nnlab.core.train.Metric;

/**
 * How a model trains: Keras's {@code compile(optimizer, loss, metrics)} plus the options of {@code fit}.
 *
 * @param metrics reported besides the loss; may be empty
 */
public record TrainingSpec(
        @JsonProperty(value = "optimizer", required = true) OptimizerSpec optimizer,
        @JsonProperty(value = "loss", required = true) LossKind loss,
        @JsonProperty(value = "metrics", required = true) List<Metric> metrics,
        @JsonProperty(value = "fit", required = true) FitSpec fit) {

    /** Checks that optimizer, loss and fit options are given, and copies the metrics. */
    public TrainingSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(fit, "fit");
    }

    /** A copy with other fit options. */
    public TrainingSpec withFit(FitSpec fit) {
        return new TrainingSpec(optimizer, loss, metrics, fit);
    }

    /**
     * Checks this configuration against the model it trains: backpropagation can pass every
     * activation, the output layer suits the loss, and each callback's monitored key will exist.
     *
     * @throws IllegalArgumentException with what, where, and a hint
     */
    public void check(LayerTable table) {
        LayerRow output = table.last();
        for (LayerRow r : table.rows()) {
            Activation a = r.spec() instanceof DenseSpec d ? d.activation()
                    : r.spec() instanceof ActivationSpec s ? s.activation() : null;
            if (a == Activation.STEP) {
                throw new IllegalArgumentException(r.where() + " uses the STEP activation, which backpropagation"
                        + " cannot train: its derivative is 0 wherever it exists, so no gradient flows."
                        + " Hint: use SIGMOID, the smooth step; a single step unit trains with the perceptron rule.");
            }
        }
        loss.checkOutput(output, table.outputActivation());
        for (CallbackSpec c : fit.callbacks()) {
            if (c instanceof EarlyStoppingSpec es && es.monitor().metric() != null
                    && !metrics.contains(es.monitor().metric())) {
                throw new IllegalArgumentException("EarlyStopping monitors '" + es.monitor().key()
                        + "', but the model reports only the loss and " + metrics + "."
                        + " Hint: add " + es.monitor().metric() + " to the metrics, or monitor VAL_LOSS.");
            }
        }
    }
}
