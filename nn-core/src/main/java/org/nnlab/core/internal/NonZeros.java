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
 * {@link SparseMatMul} reads them. The lists hold positions only, the same for a float or a double
 * matrix; the products read the values from the matrix, which must not change until the lists are
 * rebuilt. The arrays are reused: building allocates only when the batch grows.
 */
public final class NonZeros {
    private int rows;
    private int cols;
    private int count;
    // Row i's nonzero columns are rowCol[i * cols .. i * cols + rowCount[i]), increasing.
    private int[] rowCount = new int[0];
    private int[] rowCol = new int[0];
    // Column p's nonzero rows are colRow[p * rows .. p * rows + colCount[p]), increasing.
    private int[] colCount = new int[0];
    private int[] colRow = new int[0];

    // [float64] The float32 twin below is generated from this code (Float32Generator).
    /**
     * Lists the nonzeros of the row-major matrix {@code x:(rows,cols)}, replacing the previous lists.
     *
     * @throws IllegalArgumentException if {@code x} holds fewer than {@code rows · cols} values
     */
    public void build(double[] x, int rows, int cols) {
        prepare(x.length, rows, cols);
        // Large batches list their rows on every thread; the lists do not depend on the split.
        Parallel.forRange(rows, Parallel.splitsBatch(rows), (from, to) -> listRows(x, from, to));
        count();
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
    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
    /**
     * Lists the nonzeros of the row-major matrix {@code x:(rows,cols)}, replacing the previous lists.
     *
     * @throws IllegalArgumentException if {@code x} holds fewer than {@code rows · cols} values
     */
    public void build(float[] x, int rows, int cols) {
        prepare(x.length, rows, cols);
        // Large batches list their rows on every thread; the lists do not depend on the split.
        Parallel.forRange(rows, Parallel.splitsBatch(rows), (from, to) -> listRows(x, from, to));
        count();
    }

    /** Rows {@code [from, to)}: each row's nonzero columns, in increasing order. */
    private void listRows(float[] x, int from, int to) {
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
    // [end float32]

    /** Sizes the lists for a {@code (rows, cols)} matrix of {@code length} values. */
    private void prepare(int length, int rows, int cols) {
        if (length < rows * cols) {
            throw new IllegalArgumentException("NonZeros.build: x has " + length + " values but a (" + rows + ", "
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
        this.rows = rows;
        this.cols = cols;
    }

    private void count() {
        int total = 0;
        for (int i = 0; i < rows; i++) {
            total += rowCount[i];
        }
        count = total;
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
