package org.nnlab.curriculum.lecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The code a lesson shows, cut from the lesson's own source, so that the report shows exactly the
 * code that ran.
 *
 * <p>A snippet is the lines between {@code // SNIPPET name} and {@code // END SNIPPET}, each marker
 * alone on its line, with their common indentation removed. The lesson sources travel inside the
 * jar under {@code lesson-sources/} (see the curriculum POM).
 */
final class Snippets {
    static final String BEGIN = "// SNIPPET ";
    static final String END = "// END SNIPPET";

    private Snippets() {
    }

    /** The snippet {@code name} of {@code lesson}'s source file. */
    static String of(Class<? extends Lesson> lesson, String name) {
        return extract(lesson.getSimpleName() + ".java", source(lesson), name);
    }

    /** The source of a lesson class, as shipped in the jar. */
    static String source(Class<? extends Lesson> lesson) {
        String path = "/lesson-sources/" + lesson.getSimpleName() + ".java";
        try (InputStream in = Snippets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The source of " + lesson.getSimpleName() + " is not in the jar (" + path
                        + "); rebuild the curriculum module, whose POM copies the lesson sources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /**
     * The lines between the markers of snippet {@code name} in {@code source}, dedented.
     *
     * @throws IllegalArgumentException naming the file if the snippet is missing, empty or unclosed
     */
    static String extract(String file, String source, String name) {
        String[] lines = source.split("\r?\n", -1);
        List<String> body = null;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (body == null && t.equals(BEGIN + name)) {
                body = new ArrayList<>();
            } else if (body != null && t.equals(END)) {
                if (body.stream().allMatch(String::isBlank)) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": snippet '" + name + "' is empty");
                }
                return dedent(body);
            } else if (body != null) {
                body.add(lines[i]);
            }
        }
        throw new IllegalArgumentException(file + ": " + (body == null ? "no line '" + BEGIN + name + "'"
                : "snippet '" + name + "' has no '" + END + "' after it")
                + ". Hint: put the code between '" + BEGIN + name + "' and '" + END + "' comments.");
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(sb.length() == 0 ? "" : "\n").append(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return sb.toString();
    }
}
