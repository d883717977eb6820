package org.nnlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The visible score a student reads at the end of {@code mvn test}. */
class VisibleScoreTest {

    /** Graded tests a student might have: one passes, one fails, one is not written, one is skipped. */
    static final class Sample {
        @Test
        @Graded(points = 2, name = "adds")
        void passes() {
        }

        @Test
        @Graded(points = 1.5)
        void fails() {
            assertEquals(2, 1, "1 + 1");
        }

        @Test
        @Graded(points = 3, name = "not written")
        void todo() {
            throw new UnsupportedOperationException("TODO: implement add (see the exercise's README.md)");
        }

        @Test
        @Graded(points = 1, name = "skipped")
        void skipped() {
            Assumptions.assumeTrue(false, "no data here");
        }

        @Test
        void ungraded() {
            fail("not graded, not counted");
        }
    }

    /** No graded test here. */
    static final class Plain {
        @Test
        void works() {
        }
    }

    private static String run(Class<?> tests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(tests)).build(),
                        new VisibleScore(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheScoreThenEachTestAndEachFailuresMessage() {
        String report = run(Sample.class);
        assertEquals("\n2/7.5 visible points; hidden tests run after submission (1 of 4 visible tests passed)", report.lines()
                .limit(2).reduce("", (a, b) -> a + "\n" + b).substring(1));
        assertEquals(1, report.lines().filter(l -> l.equals("  PASS 2/2  adds")).count(), report);
        assertEquals(1, report.lines().filter(l -> l.equals("  FAIL 0/1.5  fails")).count(), report);
        assertEquals(1, report.lines().filter(l -> l.equals("         1 + 1 ==> expected: <2> but was: <1>")).count(), report);
        assertEquals(1, report.lines().filter(l -> l.equals("         Not written yet: TODO: implement add (see the"
                + " exercise's README.md)")).count(), report);
        assertEquals(1, report.lines().filter(l -> l.equals("         org.opentest4j.TestAbortedException: Assumption"
                + " failed: no data here")).count(), report);
    }

    @Test
    void printsNothingWithoutGradedTests() {
        assertEquals("", run(Plain.class));
    }

    @Test
    void writesPointsAsTheScoreSheetDoes() {
        assertEquals("2", VisibleScore.points(2));
        assertEquals("1.5", VisibleScore.points(1.5));
        assertEquals("0.25", VisibleScore.points(0.25));
    }
}
