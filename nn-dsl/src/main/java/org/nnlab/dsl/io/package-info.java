/**
 * Model files: one ZIP holding the spec, the weights and optionally the optimizer state, checksummed.
 *
 * <p>Most code saves and loads through {@link org.nnlab.dsl.Model#save} and
 * {@link org.nnlab.dsl.Model#load}; start here with {@link org.nnlab.dsl.io.ModelFile}, which
 * lays out the entries and verifies every checksum before decoding anything, and
 * {@link org.nnlab.dsl.io.ModelArchive}, what a file holds. Writes go through
 * {@link org.nnlab.core.io.AtomicFile}, so a crash mid-save leaves the previous file intact; a bad
 * file is a {@link org.nnlab.dsl.io.ModelFileException} naming the file and the problem.
 */
package org.nnlab.dsl.io;

import org.nnlab.core.io.AtomicFile;
