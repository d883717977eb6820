package org.nnlab.data.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The mapping between string class labels and class indices: the labels sorted get indices 0, 1,
 * 2, …; in {@link String#compareTo} order, or by value when every label is a number, so that
 * classes {@code 1, 2, 10} get indices 0, 1, 2 (text order would put {@code 10} before {@code 2}).
 *
 * <p>Sorted order, like scikit-learn's {@code LabelEncoder} (which also sorts a numeric column by
 * value), makes the mapping depend only on which labels occur, not on the order of the rows, so a
 * shuffled copy of a file encodes the same way.
 */
public final class ClassEncoding {
    private final List<String> classes;

    private ClassEncoding(List<String> sortedClasses) {
        this.classes = List.copyOf(sortedClasses);
    }

    /** The encoding of the distinct values in {@code labels}. */
    public static ClassEncoding of(Collection<String> labels) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(labels));
        if (distinct.stream().allMatch(CsvNumber::isNumber)) {
            distinct.sort(Comparator.comparingDouble((String l) -> Double.parseDouble(l)).thenComparing(l -> l));
        }
        return new ClassEncoding(distinct);
    }

    /** The class names, index = class index. */
    public List<String> classes() {
        return classes;
    }

    /** The number of classes. */
    public int size() {
        return classes.size();
    }

    /**
     * The index of class {@code label}.
     *
     * @throws IllegalArgumentException naming the known classes, if {@code label} is not one
     */
    public int indexOf(String label) {
        int i = classes.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("Unknown class '" + label + "'; the classes are " + classes
                    + ". Hint: a test file must use the classes seen when the encoding was made.");
        }
        return i;
    }

    /** The name of class {@code index}. */
    public String nameOf(int index) {
        if (index < 0 || index >= classes.size()) {
            throw new IllegalArgumentException("Class index " + index + " is outside [0, " + classes.size() + ") of "
                    + classes);
        }
        return classes.get(index);
    }

    /** The mapping, e.g. {@code ClassEncoding[setosa=0, versicolor=1, virginica=2]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClassEncoding[");
        for (int i = 0; i < classes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(classes.get(i)).append('=').append(i);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassEncoding e && classes.equals(e.classes);
    }

    @Override
    public int hashCode() {
        return classes.hashCode();
    }
}
