/**
 * The {@code nnlab} command line: lecture, demo, exercises, release, grade, grade-all, autograder
 * and new-exercise.
 *
 * <p>{@link org.nnlab.curriculum.cli.Main} is the entry point (run through the {@code ./nnlab}
 * script); each subcommand is a small picocli class that parses options and calls the module
 * that does the work. Errors reach the user as one line that says what to change, never a stack
 * trace.
 */
package org.nnlab.curriculum.cli;
