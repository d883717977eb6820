package org.nnlab.core.train;

/** How much {@code fit} prints, like Keras's {@code verbose} argument. */
public enum Verbosity {
    /** A progress bar on a terminal, one line per epoch otherwise (Keras's {@code "auto"}). */
    AUTO,
    /** A live progress bar redrawn with carriage returns (Keras's {@code verbose=1}). */
    PROGRESS_BAR,
    /** One line per epoch, no carriage returns: right for logs and CI (Keras's {@code verbose=2}). */
    EPOCH_LINES,
    /** Nothing (Keras's {@code verbose=0}). */
    SILENT;

    /**
     * The verbosity of Keras's {@code verbose} number: 0 {@link #SILENT}, 1 {@link #PROGRESS_BAR},
     * 2 {@link #EPOCH_LINES}.
     *
     * @throws IllegalArgumentException for any other number
     */
    public static Verbosity ofKeras(int verbose) {
        return switch (verbose) {
            case 0 -> SILENT;
            case 1 -> PROGRESS_BAR;
            case 2 -> EPOCH_LINES;
            default -> throw new IllegalArgumentException("verbose (" + verbose + ") must be 0, 1 or 2, as in Keras: 0"
                    + " prints nothing, 1 a progress bar, 2 one line per epoch. Hint: leave it out for AUTO.");
        };
    }
}
