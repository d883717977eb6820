package org.nnlab.curriculum.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a submission may declare, so that it cannot change what a name means in the tests. */
class SubmissionShapeTest {
    private static final String STARTER = """
            package p;

            public class Shape {
                public static final int SIDES = 4;

                public static int area(int side) {
                    throw new UnsupportedOperationException("TODO");
                }

                public record Box(int width, int height) { }
            }
            """;
    private static final String TESTS = """
            package p;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            class ShapeTest {
                static int square(int x) {
                    return x * x;
                }

                static final class Helper {
                    static int twice(int x) {
                        return 2 * x;
                    }
                }

                void areaIsTheSquare() {
                    assertEquals(square(3), Shape.area(3), Math.max(0, Helper.twice(Shape.SIDES)));
                }
            }
            """;

    /** The refusals of {@code submission}, as text. */
    private static List<String> refusals(String submission) {
        return SubmissionShape.check(Map.of("Shape.java", submission), Map.of("Shape.java", STARTER),
                Map.of("ShapeTest.java", TESTS)).stream().map(Compilation.Problem::toString).toList();
    }

    private static String solution(String extra) {
        return STARTER.replace("throw new UnsupportedOperationException(\"TODO\");", "return side * side;")
                .replace("public record Box(int width, int height) { }", "public record Box(int width, int height) { }\n" + extra);
    }

    @Test
    void theStarterAndASolutionWithPrivateHelpersAreAccepted() {
        assertEquals(List.of(), refusals(STARTER));
        assertEquals(List.of(), refusals(solution("private static int square(int x) { return x * x; }\n"
                + "private static final class Math { }\n" + "static int helper;\n" + "public String toString() { return \"\"; }")));
    }

    @Test
    void rejectsATopLevelTypeTheStarterDoesNotHave() {
        List<String> r = refusals(STARTER + "\nclass Math {\n    static int max(int a, int b) { return 0; }\n}\n");
        assertEquals(1, r.size(), r.toString());
        assertEquals("Shape.java:13: refused: declares class Math at the top level, which the starter does not. A"
                + " submission may declare only the starter's top-level types (Shape): a type of its own would sit in"
                + " the tests' package and could change what a name means in the tests. Put helpers inside Shape (e.g."
                + " as a private static nested class).", r.get(0));
    }

    @Test
    void rejectsAChangedDeclarationLineAndAMissingType() {
        assertEquals(List.of("Shape.java:3: refused: class Shape must be declared as in the starter (class Shape) but is"
                + " class Shape extends java.util.Random. Keep the starter's declaration line."),
                refusals(STARTER.replace("public class Shape {", "public class Shape extends java.util.Random {")));
        assertTrue(refusals("package p;\n\nclass Other { }\n").contains("Shape.java:1: refused: the starter's class Shape"
                + " is missing. Keep it, with the same name."), refusals("package p;\n\nclass Other { }\n").toString());
    }

    @Test
    void rejectsAnotherPackage() {
        assertEquals(List.of("Shape.java:1: refused: the package must be p, as in the starter, but is q. Keep the"
                + " starter's package line unchanged."), refusals(STARTER.replace("package p;", "package q;")));
    }

    @Test
    void rejectsNestedTypesNamedLikeJavaLangOrTheTests() {
        assertEquals(List.of("Shape.java:11: refused: the nested type Math has the name of a java.lang type"
                + " (java.lang.Math); a test class that extends its enclosing class would see it instead. Rename it"
                + " (e.g. MathHelper)."), refusals(solution("public static class Math { }")));
        assertEquals(List.of("Shape.java:11: refused: the nested type Helper has a name the tests use; a test class"
                + " that extends its enclosing class would see it instead. Rename it (e.g. HelperHelper)."),
                refusals(solution("static class Helper { }")));
    }

    @Test
    void rejectsNewMembersNamedLikeWhatTheTestsUse() {
        assertEquals(List.of("Shape.java:11: refused: the method square is not in the starter, is not private, and has"
                + " a name the tests use; in a test class that extends yours, square would mean yours instead of the"
                + " test's own. Make it private or rename it."), refusals(solution("public static int square(int x) { return 0; }")));
        assertEquals(1, refusals(solution("protected static int assertEquals;")).size());
        assertEquals(List.of(), refusals(solution("public static int assertEquals;")).stream()
                .filter(s -> !s.contains("field assertEquals")).toList());
    }
}
