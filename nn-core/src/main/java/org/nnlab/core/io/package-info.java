/**
 * Writing files safely: the one place where nnlab replaces a file.
 *
 * <p>{@link org.nnlab.core.io.AtomicFile} writes to a temporary file beside the target, forces it
 * to disk and renames it over the target, so a crash mid-save leaves the previous file intact; files
 * get the permissions the user's umask gives, and a save removes what killed saves left behind.
 * Model files and JSON specs (nn-dsl), IDX and CSV files (nn-data), figures and reports (nn-viz)
 * and the lecture's summary all go through it. The package is shared by nnlab's modules and is
 * not exported to users.
 */
package org.nnlab.core.io;
