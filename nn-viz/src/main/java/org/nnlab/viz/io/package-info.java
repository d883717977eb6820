/**
 * File output shared by figures and reports: atomic writes of text files.
 *
 * <p>{@link org.nnlab.viz.io.AtomicFile} writes to a temporary file in the target's folder and
 * moves it over the target, so a reader sees the old file or the whole new one, never a part.
 * {@link org.nnlab.viz.plot.Figure#saveSvg} and {@link org.nnlab.viz.report.Report#writeTo} use it.
 */
package org.nnlab.viz.io;
