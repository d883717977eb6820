package org.nnlab.data.csv;

import java.util.List;
import java.util.Optional;
import org.nnlab.core.tensor.Tensor;
import org.nnlab.data.Dataset;

/**
 * A CSV file read into numbers: a feature matrix {@code [rows, features]} and, if a label column
 * was chosen, labels {@code [rows, 1]}.
 *
 * <p>String labels are replaced by class indices; {@link #classEncoding()} maps them back.
 */
public final class CsvTable {
    private final Tensor features;
    private final List<String> featureNames;
    private final Tensor labels;
    private final String labelName;
    private final ClassEncoding classes;

    CsvTable(Tensor features, List<String> featureNames, Tensor labels, String labelName, ClassEncoding classes) {
        this.features = features;
        this.featureNames = List.copyOf(featureNames);
        this.labels = labels;
        this.labelName = labelName;
        this.classes = classes;
    }

    /** The number of data rows. */
    public int size() {
        return features.rows();
    }

    /** The feature values, shape {@code [rows, features]}. */
    public Tensor features() {
        return features;
    }

    /** The feature column names (the header's, or {@code "0"}, {@code "1"}, … without a header). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The labels, shape {@code [rows, 1]}: numbers, or class indices of string labels. */
    public Optional<Tensor> labels() {
        return Optional.ofNullable(labels);
    }

    /** The label column's name. */
    public Optional<String> labelName() {
        return Optional.ofNullable(labelName);
    }

    /** The class encoding, if the labels were strings. */
    public Optional<ClassEncoding> classEncoding() {
        return Optional.ofNullable(classes);
    }

    /**
     * Features and labels as a {@link Dataset}.
     *
     * @throws IllegalStateException if no label column was chosen
     */
    public Dataset dataset() {
        if (labels == null) {
            throw new IllegalStateException("This CSV table has features only; a dataset needs labels."
                    + " Hint: choose the label column with CsvOptions.builder().label(...).");
        }
        return Dataset.of(features, labels);
    }
}
