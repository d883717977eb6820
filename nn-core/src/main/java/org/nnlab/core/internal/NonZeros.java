package org.nnlab.core.internal;

/**
 * Where the nonzero entries of one batch matrix are, listed by row and by column.
 *
 * <p>Images are mostly background: about 80% of MNIST's pixels and 50% of Fashion-MNIST's are 0.
 * A first layer that multiplies such a batch {@code x:(rows,cols)} by its weights can skip those
 * zeros twice, in the forward product {@code x·W} (row by row) and in the weight gradient
 * {@code xᵀ·dz} (column by column). {@link #build} lists the nonzero columns of each row; the
 * column lists are derived from those by whichever thread multiplies those columns, so inference never
 * pays for them and a split batch derives them in parallel.
 * {@link MatMul#ab(NonZeros, double[], double[], int, boolean)} and
 * {@link MatMul#atb(NonZeros, double[], double[], int, boolean)} read them. The lists hold
 * positions only; values are read from {@code x}, which must not change until the lists are rebuilt.
 * The arrays are reused: building allocates only when the batch grows.
 */
public final class NonZeros {
    private double[] x = new double[0];
    private int rows;
    private int cols;
    private int count;
    // Row i's nonzero columns are rowCol[i * cols .. i * cols + rowCount[i]), increasing.
    private int[] rowCount = new int[0];
    private int[] rowCol = new int[0];
    // Column p's nonzero rows are colRow[p * rows .. p * rows + colCount[p]), increasing.
    private int[] colCount = new int[0];
    private int[] colRow = new int[0];

    /**
     * Lists the nonzeros of the row-major matrix {@code x:(rows,cols)}, replacing the previous lists.
     *
     * @throws IllegalArgumentException if {@code x} holds fewer than {@code rows · cols} values
     */
    public void build(double[] x, int rows, int cols) {
        if (x.length < rows * cols) {
            throw new IllegalArgumentException("NonZeros.build: x has " + x.length + " values but a (" + rows + ", "
                    + cols + ") matrix needs " + rows * cols);
        }
        if (rowCol.length < rows * cols) {
            rowCol = new int[rows * cols];
            colRow = new int[rows * cols];
        }
        if (rowCount.length < rows) {
            rowCount = new int[rows];
        }
        if (colCount.length < cols) {
            colCount = new int[cols];
        }
        this.x = x;
        this.rows = rows;
        this.cols = cols;
        // Large batches list their rows on every thread; the lists do not depend on the split.
        Parallel.forRange(rows, Parallel.splitsBatch(rows), (from, to) -> listRows(x, from, to));
        int total = 0;
        for (int i = 0; i < rows; i++) {
            total += rowCount[i];
        }
        count = total;
    }

    /** Rows {@code [from, to)}: each row's nonzero columns, in increasing order. */
    private void listRows(double[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            int base = i * cols;
            int c = base;
            for (int p = 0; p < cols; p++) {
                // Written unconditionally and kept only when nonzero: no branch to mispredict.
                rowCol[c] = p;
                c += x[base + p] != 0 ? 1 : 0;
            }
            rowCount[i] = c - base;
        }
    }

    /** The number of rows of the listed matrix. */
    public int rows() {
        return rows;
    }

    /** The number of columns of the listed matrix. */
    public int cols() {
        return cols;
    }

    /** The fraction of entries that are nonzero, in [0, 1]; 0 for an empty matrix. */
    public double density() {
        return rows * cols == 0 ? 0 : (double) count / ((double) rows * cols);
    }

    /** The listed matrix, row-major. */
    double[] values() {
        return x;
    }

    int rowCount(int i) {
        return rowCount[i];
    }

    int[] rowCols() {
        return rowCol;
    }

    /** Column p's count; only after {@link #listColumns} has listed p. */
    int colCount(int p) {
        return colCount[p];
    }

    /** The column lists; column p's only after {@link #listColumns} has listed p. */
    int[] colRows() {
        return colRow;
    }

    /**
     * Derives the lists of columns {@code [from, to)} from the row lists; each column's rows come out
     * in increasing order. Calls for disjoint ranges write disjoint entries, so threads may list their
     * own ranges at once.
     */
    void listColumns(int from, int to) {
        java.util.Arrays.fill(colCount, from, to, 0);
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            int end = base + rowCount[i];
            // Row i's columns are increasing: start at the first one >= from.
            for (int c = firstAtLeast(base, end, from); c < end && rowCol[c] < to; c++) {
                int p = rowCol[c];
                colRow[p * rows + colCount[p]++] = i;
            }
        }
    }

    /** The first position in {@code rowCol[lo, hi)} (increasing) whose column is {@code >= p}; hi if none. */
    private int firstAtLeast(int lo, int hi, int p) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowCol[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
