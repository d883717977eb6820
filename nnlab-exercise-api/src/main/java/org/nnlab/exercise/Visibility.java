package org.nnlab.exercise;

import java.util.Locale;

/**
 * When a student may see a graded test's result, in Gradescope's four levels.
 *
 * <p>The names map one to one to the {@code visibility} values of Gradescope's
 * {@code results.json}: {@code hidden}, {@code after_due_date}, {@code after_published},
 * {@code visible}.
 */
public enum Visibility {
    /** Never shown to the student; the instructor sees it. */
    HIDDEN,
    /** Shown once the due date has passed. */
    AFTER_DUE_DATE,
    /** Shown once the instructor publishes the grades. */
    AFTER_PUBLISHED,
    /** Shown as soon as the submission is graded. */
    VISIBLE;

    /** The value Gradescope expects in {@code results.json}, e.g. {@code "after_due_date"}. */
    public String gradescopeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
