/**
 * Model specs to and from JSON, strictly: every error names the line, column and JSON path.
 *
 * <p>Start with {@link org.nnlab.dsl.json.SpecJson} ({@code toJson}, {@code fromJson}, {@code read},
 * {@code write}); writing then reading gives an equal spec. Every failure to read is a
 * {@link org.nnlab.dsl.json.SpecFormatException}. The package-private {@code FieldCheck} finds
 * misspelt fields before Jackson runs, and {@code CoreTypesModule} gives nn-core's types their
 * JSON names. The format itself is described in nn-dsl's README.
 */
package org.nnlab.dsl.json;
