package org.nnlab.core.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.internal.Checks;
import org.nnlab.core.tensor.Tensor;

/**
 * How {@code fit} trains: epochs, batch size, shuffling, validation, callbacks and output.
 *
 * <p>The one set of training options in nnlab: core's {@code Sequential.fit} takes it, nn-dsl's
 * specs hold it (and save its data: epochs, batch size, shuffling, split, verbosity, early
 * stopping), and nn-dsl's {@code model.fit(x, y, f -> f.epochs(500).verbose(0))} adjusts it with
 * the {@link Builder}, like the arguments of Keras's {@code model.fit}.
 *
 * <p>Defaults follow Keras's {@code model.fit}: {@value #DEFAULT_EPOCHS} epoch, batches of
 * {@value #DEFAULT_BATCH_SIZE}, shuffled every epoch, no validation, {@link Verbosity#AUTO}, and
 * training stops when the loss becomes NaN or infinite (Keras needs the {@code TerminateOnNaN}
 * callback for that; nnlab does it by default and keeps the weights from before the bad batch).
 *
 * <p>{@code validationSplit} takes the <em>last</em> fraction of the examples, before shuffling,
 * as Keras does; it and {@code validationData} are mutually exclusive.
 *
 * @param epochs passes over the training data, ≥ 0 (0 trains nothing, as in Keras)
 * @param out where progress goes; null means {@code System.out}, the default
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
        Checks.atLeast("epochs", epochs, 0, "an epoch is one pass over the training data; try 10.");
        Checks.atLeast("batchSize", batchSize, 1, "Keras's default is " + DEFAULT_BATCH_SIZE
                + "; the whole dataset as one batch is batchSize = number of examples.");
        Checks.unitInterval("validationSplit", validationSplit,
                "it is the fraction of examples held out, e.g. 0.2 holds out the last fifth.");
        if (validationSplit > 0 && validationData != null) {
            throw new IllegalArgumentException("Give either validationSplit (" + validationSplit
                    + ") or validationData, not both");
        }
        callbacks = List.copyOf(callbacks);
        Objects.requireNonNull(verbosity, "verbosity");
        out = out == null ? System.out : out;
    }

    /** Keras's defaults: {@value #DEFAULT_EPOCHS} epoch, batches of {@value #DEFAULT_BATCH_SIZE}, shuffled. */
    public static FitOptions defaults() {
        return builder().build();
    }

    /** Keras's defaults with {@code epochs} epochs. */
    public static FitOptions epochs(int epochs) {
        return builder().epochs(epochs).build();
    }

    /** A builder starting from Keras's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy with {@code replacement} instead of these options' callbacks. */
    public FitOptions withCallbacks(List<? extends Callback> replacement) {
        return new FitOptions(epochs, batchSize, shuffle, validationSplit, validationData, List.copyOf(replacement),
                verbosity, terminateOnNaN, out);
    }

    /** A builder starting from these options, to change some of them. */
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

        /** Separate validation examples; null for none. */
        public Builder validationData(Examples validation) {
            this.validationData = validation;
            return this;
        }

        /** Separate validation examples in memory, like Keras's {@code validation_data=(x, y)}. */
        public Builder validationData(Tensor x, Tensor y) {
            return validationData(Examples.of(x, y));
        }

        /** Adds callbacks, called in the order given. */
        public Builder callbacks(Callback... more) {
            callbacks.addAll(List.of(more));
            return this;
        }

        /** Adds callbacks, called in the order given. */
        public Builder callbacks(List<? extends Callback> more) {
            callbacks.addAll(more);
            return this;
        }

        /**
         * Adds Keras's {@code EarlyStopping(monitor, patience)} with its other defaults: training
         * stops after {@code patience} epochs without improvement and keeps the last epoch's weights;
         * {@code callbacks(new EarlyStopping(config))} sets every option, {@code restoreBestWeights} too.
         */
        public Builder earlyStopping(Monitor monitor, int patience) {
            return callbacks(new EarlyStopping(monitor, patience));
        }

        /**
         * Adds Keras's {@code ReduceLROnPlateau(monitor, factor, patience)} with its other defaults:
         * the learning rate is multiplied by {@code factor} after {@code patience} epochs without
         * improvement; {@code callbacks(new ReduceLROnPlateau(config))} sets every option.
         */
        public Builder reduceLROnPlateau(Monitor monitor, double factor, int patience) {
            return callbacks(new ReduceLROnPlateau(monitor, factor, patience));
        }

        /** How much to print. */
        public Builder verbosity(Verbosity verbosity) {
            this.verbosity = verbosity;
            return this;
        }

        /**
         * How much to print in Keras's numbers: 0 nothing, 1 a progress bar, 2 one line per epoch.
         *
         * @throws IllegalArgumentException for any other number
         */
        public Builder verbose(int keras) {
            this.verbosity = Verbosity.ofKeras(keras);
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
