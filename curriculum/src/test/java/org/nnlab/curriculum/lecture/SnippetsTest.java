package org.nnlab.curriculum.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The code the report shows is cut from the lessons' own sources, so shown code is run code. */
class SnippetsTest {
    private static final List<Class<? extends Lesson>> LESSONS = List.of(PerceptronLesson.class,
            LogisticRegressionLesson.class, HiddenLayerLesson.class, ReluLesson.class, RecursionLesson.class,
            BackpropLesson.class, MnistLesson.class, VanishingGradientsLesson.class);

    @Test
    void everySnippetALessonShowsIsMarkedInItsSource() {
        Pattern shown = Pattern.compile("ctx\\.snippet\\(\"([^\"]+)\"\\)");
        int snippets = 0;
        for (Class<? extends Lesson> lesson : LESSONS) {
            String source = Snippets.source(lesson);
            Matcher m = shown.matcher(source);
            while (m.find()) {
                String code = Snippets.of(lesson, m.group(1));
                assertFalse(code.isBlank(), lesson.getSimpleName() + " " + m.group(1));
                snippets++;
            }
        }
        assertTrue(snippets >= 9, "snippets shown: " + snippets);
    }

    @Test
    void noLessonKeepsAHandCopiedListing() {
        for (Class<? extends Lesson> lesson : LESSONS) {
            String source = Snippets.source(lesson);
            assertFalse(source.contains("\"\"\""), lesson.getSimpleName() + " holds a text block");
            for (String line : source.split("\n")) {
                assertFalse(line.contains("ctx.code(\"") && (line.contains("Nn.") || line.contains("static ")),
                        lesson.getSimpleName() + " shows code as a string: " + line.trim());
            }
        }
    }

    @Test
    void theSnippetIsTheModelThatTrains() {
        String code = Snippets.of(MnistLesson.class, "model");
        assertTrue(code.startsWith("Sequential model = Models.compile(Nn.input(28, 28)"), code);
        assertTrue(code.contains("model.fit(train, ctx.fit().epochs(EPOCHS).batchSize(32).build());"), code);
        assertTrue(code.contains("model.evaluate(test, 32);"), "what is shown is what runs: " + code);
        assertFalse(code.contains("validationSplit"), "the lecture holds out no validation set");
    }

    @Test
    void extractsBetweenMarkersAndDedents() {
        String source = "class A {\n    void f() {\n        // SNIPPET x\n        int a = 1;\n\n            a++;\n"
                + "        // END SNIPPET\n    }\n}";
        assertEquals("int a = 1;\n\n    a++;", Snippets.extract("A.java", source, "x"));
    }

    @Test
    void missingOrUnclosedSnippetNamesTheFile() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Snippets.extract("A.java", "int a;", "model"));
        assertEquals("A.java: no line '// SNIPPET model'. Hint: put the code between '// SNIPPET model' and"
                + " '// END SNIPPET' comments.", missing.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> Snippets.extract("A.java", "// SNIPPET model\nint a;", "model"));
        assertTrue(open.getMessage().startsWith("A.java: snippet 'model' has no '// END SNIPPET' after it"),
                open.getMessage());
    }
}
