package org.nnlab.curriculum.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case files of known-wrong and hostile submissions. */
class KnownSubmissionTest {
    private static final String CASE = """
            # a comment
            attack: off by one
            mechanism: values
            score: 2.5
            expect: expected: <2>
            forbid: secret
            edit A.java
                int x = 1;
            ----
                int x = 2;
            ====
            delete B.java
            """;

    @Test
    void parsesEveryKeyAndAppliesTheEdits() {
        KnownSubmission k = KnownSubmission.parse("ex/checks/off-by-one.txt", CASE);
        assertEquals("off-by-one", k.name());
        assertEquals(2.5, k.score());
        assertEquals(List.of("expected: <2>"), k.expect());
        assertEquals(List.of("secret"), k.forbid());
        assertEquals(Map.of("A.java", "class A {\n    int x = 2;\n}"),
                k.apply(Map.of("A.java", "class A {\n    int x = 1;\n}", "B.java", "class B { }")));
    }

    @Test
    void anEditWhoseTextIsGoneSaysWhere() {
        KnownSubmission k = KnownSubmission.parse("ex/checks/off-by-one.txt", CASE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.apply(Map.of("A.java", "class A { }")));
        assertEquals("checks/off-by-one.txt:7: the lines to replace are not in the reference A.java. Hint: copy them"
                + " verbatim, indentation included.", e.getMessage());
    }

    @Test
    void malformedCasesNameFileAndLine() {
        assertEquals("c.txt:1: score must be a number, e.g. 'score: 9', not 'many'.", assertThrows(
                IllegalArgumentException.class, () -> KnownSubmission.parse("c.txt", "score: many")).getMessage());
        assertEquals("c.txt: needs 'attack: …' and 'score: …' lines. Hint: say what the submission tries and the exact"
                + " score it must get.", assertThrows(IllegalArgumentException.class,
                () -> KnownSubmission.parse("c.txt", "attack: x")).getMessage());
        assertEquals("c.txt:2: the edit block has no line '----' after it.", assertThrows(IllegalArgumentException.class,
                () -> KnownSubmission.parse("c.txt", "attack: x\nedit A.java\nfoo")).getMessage());
    }
}
