/**
 * The IDX file format (MNIST's): any element type and rank, plain or gzip-compressed.
 *
 * <p>Start with {@link org.nnlab.data.idx.IdxReader}, whose class comment lays out the format and
 * lists the errors it reports with the file and byte offset, then
 * {@link org.nnlab.data.idx.IdxArray}, what a file holds (bytes stay bytes, so 60,000 MNIST images
 * take 47 MB rather than 376 MB). {@link org.nnlab.data.idx.IdxWriter} writes the same layout
 * atomically. Most users never call these directly: {@link org.nnlab.data.mnist.MnistDataset}
 * loads the four files of a dataset.
 */
package org.nnlab.data.idx;
