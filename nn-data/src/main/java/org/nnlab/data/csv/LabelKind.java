package org.nnlab.data.csv;

/** How the label column of a CSV file is read. */
public enum LabelKind {
    /** Numbers if every label cell is a number, otherwise class names encoded as {@link #CATEGORICAL}. */
    AUTO,
    /** Numbers, kept as they are (regression targets, or classes already coded 0, 1, …). */
    NUMERIC,
    /** Class names, encoded to indices by a {@link ClassEncoding} (sorted order). */
    CATEGORICAL
}
