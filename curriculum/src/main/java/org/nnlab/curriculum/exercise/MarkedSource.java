package org.nnlab.curriculum.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instructor's Java source with nbgrader-style markers, and the student version made from it.
 *
 * <p>Two kinds of block, each opened and closed by a comment alone on its line:
 * <ul>
 *   <li>{@code // BEGIN SOLUTION} … {@code // END SOLUTION}: the reference solution. The student
 *       version replaces the block by one statement, {@code throw new
 *       UnsupportedOperationException("TODO: …")}, indented like the marker, so the method keeps
 *       its signature and everything still compiles. A block must therefore be the end of a
 *       method body. Text after {@code BEGIN SOLUTION} becomes the TODO message; without it the
 *       message names the enclosing method.
 *   <li>{@code // BEGIN HIDDEN TESTS} … {@code // END HIDDEN TESTS}: graded tests the student
 *       does not see; the student version drops the block.
 * </ul>
 * Markers are comments, so the instructor source compiles as it is and its line numbers are the
 * ones the grader reports.
 */
public final class MarkedSource {
    static final String BEGIN_SOLUTION = "// BEGIN SOLUTION";
    static final String END_SOLUTION = "// END SOLUTION";
    static final String BEGIN_HIDDEN = "// BEGIN HIDDEN TESTS";
    static final String END_HIDDEN = "// END HIDDEN TESTS";

    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|static|final|synchronized|default)\\s+)*"
                    + "(?:<[^>]*>\\s*)?[\\w.$<>\\[\\], ?]+\\s+(\\w+)\\s*\\(");
    private static final Pattern NOT_A_METHOD = Pattern.compile(
            "^\\s*(?:return|new|if|for|while|switch|catch|throw|else)\\b");

    private final String fileName;
    private final List<String> lines;
    private final List<Block> blocks;

    /**
     * Parses the markers of {@code text}.
     *
     * @param fileName the file's name, used in error messages
     * @throws IllegalArgumentException if a block is not closed, closed twice, or nested
     */
    public MarkedSource(String fileName, String text) {
        this.fileName = fileName;
        this.lines = List.of(text.split("\r?\n", -1));
        this.blocks = parse();
    }

    /** The source as the instructor wrote it: the reference solution with every test. */
    public String instructorVersion() {
        return String.join("\n", lines);
    }

    /** The student version: solution blocks stubbed, hidden tests and their markers removed. */
    public String studentVersion() {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Block block : blocks) {
            out.addAll(lines.subList(next, block.begin));
            if (block.solution) {
                String indent = lines.get(block.begin).substring(0, indentOf(lines.get(block.begin)));
                out.add(indent + "throw new UnsupportedOperationException(\"TODO: " + todo(block) + "\");");
            }
            next = block.end + 1;
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out);
    }

    /** Whether any {@code BEGIN SOLUTION} block is present. */
    public boolean hasSolution() {
        return blocks.stream().anyMatch(b -> b.solution);
    }

    /** Whether 1-based line {@code line} lies inside a hidden-tests block. */
    public boolean isHidden(int line) {
        for (Block block : blocks) {
            if (!block.solution && line > block.begin && line <= block.end + 1) {
                return true;
            }
        }
        return false;
    }

    private List<Block> parse() {
        List<Block> found = new ArrayList<>();
        int open = -1;
        boolean openSolution = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            boolean beginSolution = t.startsWith(BEGIN_SOLUTION);
            boolean beginHidden = t.startsWith(BEGIN_HIDDEN);
            boolean endSolution = t.startsWith(END_SOLUTION);
            boolean endHidden = t.startsWith(END_HIDDEN);
            if (beginSolution || beginHidden) {
                if (open >= 0) {
                    throw error(i, t + " inside the block opened at line " + (open + 1),
                            "close that block first; blocks do not nest");
                }
                open = i;
                openSolution = beginSolution;
            } else if (endSolution || endHidden) {
                if (open < 0 || openSolution != endSolution) {
                    throw error(i, t + " without a matching " + (endSolution ? BEGIN_SOLUTION : BEGIN_HIDDEN)
                            + " before it", "every END marker closes the BEGIN marker of the same kind");
                }
                found.add(new Block(open, i, openSolution));
                open = -1;
            }
        }
        if (open >= 0) {
            throw error(open, lines.get(open).trim() + " is never closed",
                    "add " + (openSolution ? END_SOLUTION : END_HIDDEN) + " after the block");
        }
        return found;
    }

    private String todo(Block block) {
        String marker = lines.get(block.begin).trim();
        String message = marker.substring(BEGIN_SOLUTION.length()).replaceFirst("^[\\s:—-]+", "").trim();
        if (!message.isEmpty()) {
            return message.replace("\\", "\\\\").replace("\"", "\\\"");
        }
        for (int i = block.begin - 1; i >= 0; i--) {
            String line = lines.get(i);
            Matcher m = METHOD.matcher(line);
            if (m.find() && !NOT_A_METHOD.matcher(line).find()) {
                return "implement " + m.group(1) + " (see the exercise's README.md)";
            }
        }
        return "implement this (see the exercise's README.md)";
    }

    private IllegalArgumentException error(int index, String what, String hint) {
        return new IllegalArgumentException(fileName + ":" + (index + 1) + ": " + what + ". Hint: " + hint + ".");
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Lines {@code begin..end} (0-based, both marker lines included). */
    private record Block(int begin, int end, boolean solution) { }
}
