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
    SILENT
}
