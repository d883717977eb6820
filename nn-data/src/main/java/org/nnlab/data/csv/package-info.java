/**
 * CSV files in and out: numeric features with an optional label column, predictions and histories.
 *
 * <p>Start with {@link org.nnlab.data.csv.CsvReader}, which reads a file into a
 * {@link org.nnlab.data.csv.CsvTable} as {@link org.nnlab.data.csv.CsvOptions} says (delimiter,
 * header, which {@link org.nnlab.data.csv.Column} is the label and how to read it), and reports a
 * bad cell as a {@link org.nnlab.data.csv.CsvFormatException} naming the file, line and column.
 * String labels become class indices in sorted order ({@link org.nnlab.data.csv.ClassEncoding}).
 * {@link org.nnlab.data.csv.CsvWriter} writes predictions and training histories back, atomically.
 */
package org.nnlab.data.csv;
