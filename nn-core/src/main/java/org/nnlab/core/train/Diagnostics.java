package org.nnlab.core.train;

/**
 * Whether {@code fit} watches training with a {@link TrainingMonitor} of its own and prints what it
 * finds.
 *
 * <p>The default, {@link #WHEN_VERBOSE}, runs it whenever {@code fit} prints progress, so a student
 * sees each finding under the epoch line where it appeared; {@code f.diagnostics(false)} turns it off
 * and {@code f.diagnostics(true)} runs it silently too, its findings then only in
 * {@link History#findings()}. A {@link TrainingMonitor} passed as a callback is used instead of
 * fit's own and is never doubled.
 */
public enum Diagnostics {
    /** On when the verbosity is not {@link Verbosity#SILENT}. */
    WHEN_VERBOSE,
    /** Always on; printed when fit prints. */
    ON,
    /** Off, unless a {@link TrainingMonitor} is given as a callback. */
    OFF;

    /** Whether fit adds its own monitor at this verbosity. */
    boolean enabledAt(Verbosity verbosity) {
        return this == ON || this == WHEN_VERBOSE && verbosity != Verbosity.SILENT;
    }
}
