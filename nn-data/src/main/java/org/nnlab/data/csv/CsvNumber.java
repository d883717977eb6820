package org.nnlab.data.csv;

/**
 * The numbers a CSV cell may hold, and the errors for cells that hold none.
 *
 * <p>A number is decimal: an optional sign, digits with an optional fraction (or a fraction
 * alone, {@code .5}), an optional exponent; or {@code NaN}, {@code Infinity}, {@code -Infinity}.
 * Java's {@link Double#parseDouble} also takes {@code 1d}, {@code 2f} and hexadecimal
 * {@code 0x1p3}, which in a CSV file are typos, not numbers. A decimal number too large for a
 * double is an error rather than Infinity.
 */
final class CsvNumber {
    private CsvNumber() {
    }

    /** Whether {@code text} (trimmed) is a number as this class defines it. */
    static boolean isNumber(String text) {
        String s = text.strip();
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (s.startsWith("Infinity", i) && s.length() == i + 8) {
            return true;
        }
        if (s.equals("NaN")) {
            return true;
        }
        int whole = digits(s, i);
        i += whole;
        int fraction = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            fraction = digits(s, i + 1);
            i += 1 + fraction;
        }
        if (whole + fraction == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            i += i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? 1 : 0;
            int exponent = digits(s, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == s.length();
    }

    /** The number of ASCII digits in {@code s} from {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /**
     * The value of a cell.
     *
     * @param label whether the cell is a label, which must also be finite
     * @param where the column, as the message names it: {@code column 'x2' (index 1)}
     * @param delimiter the file's delimiter, which the hint does not suggest
     * @throws CsvFormatException if the cell is empty, not a number, too large, or a non-finite label
     */
    static double parse(String text, boolean label, String source, long line, String where, char delimiter)
            throws CsvFormatException {
        if (text.isBlank()) {
            throw new CsvFormatException(source, line, where + ": empty cell where a number was expected."
                    + " Hint: nnlab does not fill in missing values; fill or drop such rows first.", null);
        }
        if (!isNumber(text)) {
            throw new CsvFormatException(source, line, where + ": expected a number but found '" + text + "'. Hint: "
                    + hint(text, delimiter), null);
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v) && !text.contains("Infinity")) {
            throw new CsvFormatException(source, line, where + ": '" + text.strip() + "' is beyond the range of a double"
                    + " (±" + Double.MAX_VALUE + ") and would become Infinity. Hint: check the exponent for a typo, or"
                    + " rescale the column (other units) before reading it.", null);
        }
        if (label && !Double.isFinite(v)) {
            throw new CsvFormatException(source, line, where + ": the label is " + v + "; a label must be a finite"
                    + " number. Hint: a NaN label usually marks a missing value; fill it in or drop the row.", null);
        }
        return v;
    }

    private static String hint(String text, char delimiter) {
        if (text.strip().matches("-?\\d+,\\d+")) {
            return "decimal commas are not supported; write 1.5, not 1,5 (and choose another delimiter).";
        }
        for (char d : new char[] {';', '\t', ','}) {
            if (d != delimiter && text.indexOf(d) >= 0) {
                return "the cell contains '" + (d == '\t' ? "\\t" : String.valueOf(d)) + "'; is that the delimiter?"
                        + " Set it with CsvOptions.builder().delimiter(...).";
            }
        }
        return "if this column holds class names, choose it as the label with CsvOptions.builder().label(...);"
                + " otherwise leave it out of the features.";
    }
}
