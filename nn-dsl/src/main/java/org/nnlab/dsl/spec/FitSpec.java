package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.train.Callback;
import org.nnlab.core.train.Examples;
import org.nnlab.core.train.FitOptions;
import org.nnlab.core.train.Verbosity;

/**
 * How {@code fit} runs, like the arguments of Keras's {@code model.fit}.
 *
 * <p>{@code validationSplit} follows Keras: the last fraction of the data, taken before
 * shuffling, is held out. Validation data given at fit time takes precedence over the split.
 *
 * @param epochs ≥ 1; Keras's default is {@value #DEFAULT_EPOCHS}
 * @param batchSize ≥ 1; default {@value #DEFAULT_BATCH_SIZE}
 * @param shuffle whether to shuffle the training examples each epoch; default true
 * @param validationSplit in [0, 1); default {@value #DEFAULT_VALIDATION_SPLIT} (none)
 * @param verbosity default {@link Verbosity#AUTO}
 * @param callbacks callbacks that are data, e.g. early stopping
 */
public record FitSpec(
        @JsonProperty(value = "epochs", required = true) int epochs,
        @JsonProperty(value = "batch_size", required = true) int batchSize,
        @JsonProperty(value = "shuffle", required = true) boolean shuffle,
        @JsonProperty(value = "validation_split", required = true) double validationSplit,
        @JsonProperty(value = "verbosity", required = true) Verbosity verbosity,
        @JsonProperty(value = "callbacks", required = true) List<CallbackSpec> callbacks) {

    /** Keras's default number of epochs. */
    public static final int DEFAULT_EPOCHS = FitOptions.DEFAULT_EPOCHS;
    /** Keras's default batch size. */
    public static final int DEFAULT_BATCH_SIZE = FitOptions.DEFAULT_BATCH_SIZE;
    /** Keras's default validation split: none. */
    public static final double DEFAULT_VALIDATION_SPLIT = 0.0;

    /**
     * @throws IllegalArgumentException if epochs or batch size is below 1 or the split is outside [0, 1)
     */
    public FitSpec {
        Bounds.atLeast("epochs", epochs, 1, "an epoch is one pass over the training data; try 10.");
        Bounds.atLeast("batchSize", batchSize, 1, "Keras uses " + DEFAULT_BATCH_SIZE + ".");
        Bounds.halfOpenUnit("validationSplit", validationSplit, "0.1 holds out the last tenth of the data.");
        Objects.requireNonNull(verbosity, "verbosity");
        callbacks = List.copyOf(callbacks);
    }

    /**
     * nn-core's fit options for these settings.
     *
     * @param validationData held-out examples, or null; when given it replaces {@code validationSplit}
     * @param extra callbacks that are code, run after the ones in this spec
     */
    public FitOptions toOptions(Examples validationData, List<Callback> extra) {
        FitOptions.Builder b = FitOptions.builder()
                .epochs(epochs)
                .batchSize(batchSize)
                .shuffle(shuffle)
                .verbosity(verbosity);
        if (validationData != null) {
            b.validationData(validationData);
        } else {
            b.validationSplit(validationSplit);
        }
        for (CallbackSpec c : callbacks) {
            b.callbacks(c.toCallback());
        }
        b.callbacks(extra.toArray(Callback[]::new));
        return b.build();
    }

    /** Keras's defaults: 1 epoch, batch 32, shuffled, no validation split, no callbacks. */
    public static FitSpec defaults() {
        return new FitSpec(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, true, DEFAULT_VALIDATION_SPLIT, Verbosity.AUTO, List.of());
    }
}
