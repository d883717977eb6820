/**
 * Writing files safely: the one place where nnlab replaces a file.
 *
 * <p>{@link org.nnlab.core.io.AtomicFile} writes to a temporary file beside the target, forces it
 * to disk and renames it over the target, so a crash mid-save leaves the previous file intact.
 * Model files (nn-dsl), IDX and CSV files (nn-data) and the lecture's summary use it.
 */
package org.nnlab.core.io;
