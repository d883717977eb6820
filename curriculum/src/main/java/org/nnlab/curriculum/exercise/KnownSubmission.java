package org.nnlab.curriculum.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A known-wrong or hostile submission of an exercise and the exact score it must get: the
 * exercise's tests, tested.
 *
 * <p>Each lives in {@code <exercise>/checks/<name>.txt}, listed in {@code checks/index.txt}, as a
 * few header lines and edits of the reference solution (or of the starter):
 * <pre>
 * attack: a top-level class Math beside Fibonacci, to change Math.max in the tests
 * mechanism: submission shape
 * score: 0
 * expect: declares class Math at the top level
 * edit Fibonacci.java
 * public class Fibonacci {
 * ----
 * class Math { }
 * public class Fibonacci {
 * ====
 * </pre>
 * {@code attack} (what it tries) and {@code score} (the exact total it must get) are required;
 * {@code mechanism} names the defence it exercises; each {@code expect} is a text that must appear
 * in the grade's notes or in some test's feedback; each {@code forbid} is a text that must not
 * appear in what the student sees at once (the notes and the feedback of the visible tests, their
 * output included), e.g. a hidden test's name; {@code base: starter} edits the starter instead
 * of the reference. An {@code edit} block replaces the lines before {@code ----} (found verbatim)
 * by the lines up to {@code ====}; {@code delete File.java} leaves a file out.
 *
 * @param name the case's file name without {@code .txt}
 * @param attack what the submission tries, one line
 * @param mechanism the defence it exercises, or empty
 * @param score the exact score it must get
 * @param expect texts that must appear in the notes or feedback
 * @param forbid texts that must not appear in the notes or the visible tests' feedback
 * @param limitSeconds the cap on every test's time limit for this case, or infinity
 * @param fromStarter whether the edits apply to the starter rather than the reference solution
 * @param edits file name → edits, in order
 * @param deleted files left out of the submission
 */
public record KnownSubmission(String name, String attack, String mechanism, double score, List<String> expect,
                              List<String> forbid, double limitSeconds, boolean fromStarter, Map<String, List<Edit>> edits,
                              List<String> deleted) {

    /** Copies the lists and map, so a case cannot change after it is read. */
    public KnownSubmission {
        expect = List.copyOf(expect);
        forbid = List.copyOf(forbid);
        edits = Map.copyOf(edits);
        deleted = List.copyOf(deleted);
    }

    /**
     * One replacement.
     *
     * @param find the lines to find, verbatim
     * @param replacement the lines to put instead
     * @param line where the block starts in the case file, for messages
     */
    public record Edit(String find, String replacement, int line) {
    }

    /**
     * Parses {@code text}, the case file {@code file}.
     *
     * @throws IllegalArgumentException naming the file and line of anything malformed
     */
    public static KnownSubmission parse(String file, String text) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.txt$", "");
        String attack = null;
        String mechanism = "";
        Double score = null;
        double limit = Double.POSITIVE_INFINITY;
        boolean fromStarter = false;
        List<String> expect = new ArrayList<>();
        List<String> forbid = new ArrayList<>();
        Map<String, List<Edit>> edits = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("edit ")) {
                int begin = i + 1;
                int separator = find(lines, begin, "----", file);
                int end = find(lines, separator + 1, "====", file);
                edits.computeIfAbsent(t.substring(5).strip(), k -> new ArrayList<>()).add(new Edit(
                        String.join("\n", List.of(lines).subList(begin, separator)),
                        String.join("\n", List.of(lines).subList(separator + 1, end)), i + 1));
                i = end;
                continue;
            }
            if (t.startsWith("delete ")) {
                deleted.add(t.substring(7).strip());
                continue;
            }
            int colon = t.indexOf(':');
            if (colon < 0) {
                throw error(file, i, "'" + t + "' is neither 'key: value', 'edit File.java' nor 'delete File.java'");
            }
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            switch (key) {
                case "attack" -> attack = value;
                case "mechanism" -> mechanism = value;
                case "expect" -> expect.add(value);
                case "forbid" -> forbid.add(value);
                case "base" -> {
                    if (!value.equals("reference") && !value.equals("starter")) {
                        throw error(file, i, "base must be reference or starter, not '" + value + "'");
                    }
                    fromStarter = value.equals("starter");
                }
                case "score" -> score = number(file, i, key, value, "9");
                case "limit" -> {
                    limit = number(file, i, key, value, "2");
                    if (!(limit > 0)) {
                        throw error(file, i, "limit must be a number of seconds > 0, e.g. 'limit: 2', not '" + value + "'");
                    }
                }
                default -> throw error(file, i, "unknown key '" + key + "'; expected attack, mechanism, score, expect,"
                        + " forbid, limit or base");
            }
        }
        if (attack == null || score == null) {
            throw new IllegalArgumentException(file + ": needs 'attack: …' and 'score: …' lines. Hint: say what the"
                    + " submission tries and the exact score it must get.");
        }
        return new KnownSubmission(name, attack, mechanism, score, expect, forbid, limit, fromStarter, edits, deleted);
    }

    /**
     * The submission's sources: {@code base} (file name → text) with the edits applied.
     *
     * @throws IllegalArgumentException if a text to replace is not in its file
     */
    public Map<String, String> apply(Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, List<Edit>> e : edits.entrySet()) {
            String text = out.get(e.getKey());
            if (text == null) {
                throw new IllegalArgumentException("checks/" + name + ".txt edits " + e.getKey() + ", which is not a"
                        + " student file of the exercise " + base.keySet());
            }
            for (Edit edit : e.getValue()) {
                if (!text.contains(edit.find())) {
                    throw new IllegalArgumentException("checks/" + name + ".txt:" + edit.line() + ": the lines to replace"
                            + " are not in " + (fromStarter ? "the starter's " : "the reference ") + e.getKey()
                            + ". Hint: copy them verbatim, indentation included.");
                }
                text = text.replace(edit.find(), edit.replacement());
            }
            out.put(e.getKey(), text);
        }
        deleted.forEach(out::remove);
        return out;
    }

    /** One line for the terminal, e.g. {@code math-shadow  0.0 (expected 0.0)}. */
    public String describe(double actual) {
        return String.format(Locale.ROOT, "%-28s %5.1f (expected %5.1f) %s", name, actual, score, attack);
    }

    private static double number(String file, int line, String key, String value, String example) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error(file, line, key + " must be a number, e.g. '" + key + ": " + example + "', not '" + value + "'");
        }
    }

    private static int find(String[] lines, int from, String marker, String file) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals(marker)) {
                return i;
            }
        }
        throw error(file, from - 1, "the edit block has no line '" + marker + "' after it");
    }

    private static IllegalArgumentException error(String file, int index, String what) {
        return new IllegalArgumentException(file + ":" + (index + 1) + ": " + what + ".");
    }
}
