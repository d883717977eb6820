package org.nnlab.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.train.Verbosity;
import org.nnlab.dsl.spec.CallbackSpec;
import org.nnlab.dsl.spec.EarlyStoppingSpec;
import org.nnlab.dsl.spec.FitSpec;
import org.nnlab.dsl.spec.Monitor;

/**
 * The options of {@code fit}, set inside {@code .fit(f -> f.epochs(30).validationSplit(0.1))}.
 *
 * <p>Starts from the current options (Keras's defaults for a fresh model: {@value FitSpec#DEFAULT_EPOCHS}
 * epoch, batch {@value FitSpec#DEFAULT_BATCH_SIZE}, shuffled, no validation, verbosity auto, no
 * callbacks). Values are checked when the lambda returns, by {@link FitSpec}'s constructor.
 */
public final class FitConfig {
    private int epochs;
    private int batchSize;
    private boolean shuffle;
    private double validationSplit;
    private Verbosity verbosity;
    private final List<CallbackSpec> callbacks;

    FitConfig(FitSpec from) {
        epochs = from.epochs();
        batchSize = from.batchSize();
        shuffle = from.shuffle();
        validationSplit = from.validationSplit();
        verbosity = from.verbosity();
        callbacks = new ArrayList<>(from.callbacks());
    }

    /** The number of passes over the training data. */
    public FitConfig epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /** Examples per gradient step. */
    public FitConfig batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Whether to shuffle the training examples each epoch. */
    public FitConfig shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** The last fraction of the data, taken before shuffling, held out for validation. */
    public FitConfig validationSplit(double validationSplit) {
        this.validationSplit = validationSplit;
        return this;
    }

    /** How much fit prints. */
    public FitConfig verbosity(Verbosity verbosity) {
        this.verbosity = Objects.requireNonNull(verbosity, "verbosity");
        return this;
    }

    /** Adds a callback that is data (saved with the spec). */
    public FitConfig callback(CallbackSpec callback) {
        callbacks.add(Objects.requireNonNull(callback, "callback"));
        return this;
    }

    /** Adds Keras's {@code EarlyStopping(monitor, patience, restore_best_weights=True)}. */
    public FitConfig earlyStopping(Monitor monitor, int patience) {
        return callback(EarlyStoppingSpec.of(monitor, patience));
    }

    FitSpec toSpec() {
        return new FitSpec(epochs, batchSize, shuffle, validationSplit, verbosity, callbacks);
    }
}
