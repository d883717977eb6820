package org.nnlab.curriculum.grading;

import java.util.LinkedHashMap;
import java.util.Map;

/** Each graded test's outcome, decided once: the first verdict a test gets is final. */
final class Verdicts {
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();

    /** Gives {@code test} its verdict unless it has one; returns whether this one counts. */
    boolean give(String test, TestOutcome outcome) {
        return outcomes.putIfAbsent(test, outcome) == null;
    }

    /** Whether {@code test} has its verdict. */
    boolean has(String test) {
        return outcomes.containsKey(test);
    }

    /** Applies {@code f} to the texts of every verdict (e.g. to show paths relative to the submission). */
    void mapText(java.util.function.UnaryOperator<String> f) {
        outcomes.replaceAll((test, outcome) -> outcome.mapText(f));
    }

    /** The verdict of {@code test}, or null. */
    TestOutcome of(String test) {
        return outcomes.get(test);
    }
}
