package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much {@code fit} prints, like Keras's {@code verbose}. */
public enum Verbosity {
    /** A progress bar on a terminal, one line per epoch otherwise. */
    AUTO("auto"),
    /** Keras's {@code verbose=1}: a progress bar redrawn per batch. */
    PROGRESS_BAR("progress_bar"),
    /** Keras's {@code verbose=2}: one line per epoch, log-friendly. */
    EPOCH_LINES("epoch_lines"),
    /** Keras's {@code verbose=0}: nothing. */
    SILENT("silent");

    private final String jsonName;

    Verbosity(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in JSON, e.g. {@code "epoch_lines"}. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }
}
