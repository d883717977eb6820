/**
 * Self-contained HTML5 reports: text, tables, numbers and inline SVG figures on one page.
 *
 * <p>Start with {@link org.nnlab.viz.report.Report}: {@code Report.titled(…)} then
 * {@code section}, {@code paragraph}, {@code code}, {@code table}, {@code numbers} and
 * {@code figure(fig, caption)}, in page order, and {@code writeTo(path)}. The page needs no
 * network (inline CSS and SVG, no scripts or links) and the same content gives the same bytes.
 * The package-private {@code Html} holds the page skeleton, escaping and number formatting.
 */
package org.nnlab.viz.report;
