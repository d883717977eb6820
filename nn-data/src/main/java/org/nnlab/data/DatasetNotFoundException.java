package org.nnlab.data;

import java.io.IOException;
import java.util.List;

/**
 * A dataset (or one of its files) that is not where it was looked for; the message lists every
 * place that was tried and how to get the data.
 */
public final class DatasetNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The places that were looked at, in the order they were tried, as shown to the user. */
    private final List<String> searched;

    /**
     * An exception for a dataset that none of {@code searched} holds.
     *
     * @param searched the places looked at, in order, as shown to the user
     */
    public DatasetNotFoundException(String message, List<String> searched) {
        super(message);
        this.searched = List.copyOf(searched);
    }

    /** The places that were looked at, in the order they were tried. */
    public List<String> searched() {
        return searched;
    }
}
