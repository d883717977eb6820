package org.nnlab.core.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@code fit} trains: epochs, batch size, shuffling, validation, callbacks and output.
 *
 * <p>Defaults follow Keras's {@code model.fit}: {@value #DEFAULT_EPOCHS} epoch, batches of
 * {@value #DEFAULT_BATCH_SIZE}, shuffled every epoch, no validation, {@link Verbosity#AUTO}, and
 * training stops when the loss becomes NaN or infinite (Keras needs the {@code TerminateOnNaN}
 * callback for that; nnlab does it by default and keeps the weights from before the bad batch).
 *
 * <p>{@code validationSplit} takes the <em>last</em> fraction of the examples, before shuffling,
 * as Keras does; it and {@code validationData} are mutually exclusive.
 *
 * @param out where progress goes; {@code System.out} by default
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, double validationSplit,
                         Examples validationData, List<Callback> callbacks, Verbosity verbosity,
                         boolean terminateOnNaN, PrintStream out) {

    /** Keras's default number of epochs. */
    public static final int DEFAULT_EPOCHS = 1;
    /** Keras's default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /**
     * @throws IllegalArgumentException for negative epochs, a batch size ≤ 0, a validation split
     *     outside [0, 1), or both a split and validation data
     */
    public FitOptions {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs (" + epochs + ") must be >= 0");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize (" + batchSize + ") must be > 0. Hint: Keras's default is "
                    + DEFAULT_BATCH_SIZE + "; the whole dataset as one batch is batchSize = number of examples.");
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validationSplit (" + validationSplit
                    + ") must be in [0, 1): it is the fraction of examples held out, e.g. 0.2");
        }
        if (validationSplit > 0 && validationData != null) {
            throw new IllegalArgumentException("Give either validationSplit (" + validationSplit
                    + ") or validationData, not both");
        }
        callbacks = List.copyOf(callbacks);
        Objects.requireNonNull(verbosity, "verbosity");
        Objects.requireNonNull(out, "out");
    }

    /** Keras's defaults with {@code epochs} epochs. */
    public static FitOptions epochs(int epochs) {
        return builder().epochs(epochs).build();
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.shuffle = shuffle;
        b.validationSplit = validationSplit;
        b.validationData = validationData;
        b.callbacks.addAll(callbacks);
        b.verbosity = verbosity;
        b.terminateOnNaN = terminateOnNaN;
        b.out = out;
        return b;
    }

    /** Builds {@link FitOptions}; each setter returns this builder. */
    public static final class Builder {
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private boolean shuffle = true;
        private double validationSplit;
        private Examples validationData;
        private final List<Callback> callbacks = new ArrayList<>();
        private Verbosity verbosity = Verbosity.AUTO;
        private boolean terminateOnNaN = true;
        private PrintStream out = System.out;

        private Builder() {
        }

        /** Passes over the training data. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Examples per gradient step. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Whether to reshuffle the training examples before each epoch. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The last fraction of the examples to hold out for validation. */
        public Builder validationSplit(double fraction) {
            this.validationSplit = fraction;
            return this;
        }

        /** Separate validation examples. */
        public Builder validationData(Examples validation) {
            this.validationData = validation;
            return this;
        }

        /** Adds callbacks, called in the order given. */
        public Builder callbacks(Callback... more) {
            callbacks.addAll(List.of(more));
            return this;
        }

        /** How much to print. */
        public Builder verbosity(Verbosity verbosity) {
            this.verbosity = verbosity;
            return this;
        }

        /** Whether a NaN or infinite loss stops training (on by default). */
        public Builder terminateOnNaN(boolean terminate) {
            this.terminateOnNaN = terminate;
            return this;
        }

        /** Where progress is printed. */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        /** The options; validated here. */
        public FitOptions build() {
            return new FitOptions(epochs, batchSize, shuffle, validationSplit, validationData, callbacks,
                    verbosity, terminateOnNaN, out);
        }
    }
}
