package org.nnlab.viz.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label parsed into styled runs: plain text, and matplotlib mathtext between {@code $…$}.
 *
 * <p>The supported subset: subscripts and superscripts ({@code x_1}, {@code x^3}, {@code w_{ij}},
 * nested), Greek letters ({@code \omega}, {@code \sigma}, {@code \Delta}, …), a few operators
 * ({@code \times \cdot \pm \leq \geq \neq \approx \infty \partial \nabla \sum \rightarrow \in}),
 * accents ({@code \hat Y}, {@code \bar{x}}, {@code \tilde}, {@code \vec}, {@code \dot}, {@code \ddot}, as
 * Unicode combining marks on the letter), spacing ({@code \, \; \quad}) and {@code \mathrm{…}}. As in TeX, letters in math are italic,
 * digits and Greek capitals upright, spaces ignored, and {@code -} becomes a true minus sign.
 * Outside math, {@code \$} is a literal dollar. Anything else fails early, when the label is set.
 */
public final class Mathtext {
    /**
     * One run of text with one style.
     *
     * @param level 0 on the baseline, +1 per superscript level, −1 per subscript level
     */
    public record Run(String text, boolean italic, int level) {
    }

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"),
            Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"),
            Map.entry("phi", "φ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"),
            Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"),
            Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"),
            Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("pm", "±"), Map.entry("leq", "≤"),
            Map.entry("geq", "≥"), Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("neq", "≠"),
            Map.entry("approx", "≈"), Map.entry("infty", "∞"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"),
            Map.entry("sum", "Σ"), Map.entry("rightarrow", "→"), Map.entry("to", "→"), Map.entry("leftarrow", "←"),
            Map.entry("in", "∈"), Map.entry("ldots", "…"), Map.entry("prime", "′"), Map.entry("{", "{"),
            Map.entry("}", "}"), Map.entry("$", "$"), Map.entry("%", "%"), Map.entry("_", "_"),
            Map.entry(",", "\u2009"), Map.entry(";", "\u2005"), Map.entry("quad", "\u2003"), Map.entry(" ", " "));

    /** Accents as combining characters drawn over the preceding letter: \\hat{Y} is Ŷ. */
    private static final Map<String, String> ACCENTS = Map.of("hat", "\u0302", "bar", "\u0304", "tilde", "\u0303",
            "vec", "\u20d7", "dot", "\u0307", "ddot", "\u0308");

    private static final String OPERATORS = "+-=<>\u2212";
    private static final String SPACED_SYMBOLS = "×·±≤≥≠≈→←∈";

    private final String source;
    private final List<Run> runs = new ArrayList<>();
    private int pos;

    private Mathtext(String source) {
        this.source = source;
    }

    /**
     * Parses {@code text} into runs.
     *
     * @throws IllegalArgumentException for an unbalanced {@code $}, an unknown command, or a
     *     dangling {@code _}/{@code ^}, naming the position
     */
    public static List<Run> parse(String text) {
        Mathtext m = new Mathtext(text == null ? "" : text);
        m.parsePlain();
        return m.merged();
    }

    /** {@code text} as a label that shows it literally: each {@code $} escaped, so no math starts. */
    public static String escape(String text) {
        return text.replace("$", "\\$");
    }

    /** The label as plain Unicode, without styles (what a screen reader or a test sees). */
    public static String plain(String text) {
        StringBuilder sb = new StringBuilder();
        for (Run r : parse(text)) {
            sb.append(r.text());
        }
        return sb.toString();
    }

    private void parsePlain() {
        StringBuilder plain = new StringBuilder();
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '$') {
                plain.append('$');
                pos += 2;
            } else if (c == '$') {
                flush(plain, false, 0);
                int close = source.indexOf('$', pos + 1);
                if (close < 0) {
                    throw error("unbalanced '$' at index " + pos, "close the math with a second '$', or write \\$ for a dollar sign");
                }
                pos++;
                parseMath(close, 0);
                pos = close + 1;
            } else {
                plain.append(c);
                pos++;
            }
        }
        flush(plain, false, 0);
    }

    /** Parses math up to {@code end} (exclusive) at script level {@code level}. */
    private void parseMath(int end, int level) {
        while (pos < end) {
            parseAtom(end, level);
        }
    }

    private void parseAtom(int end, int level) {
        char c = source.charAt(pos);
        if (c == '_' || c == '^') {
            pos++;
            if (pos >= end) {
                throw error("'" + c + "' at index " + (pos - 1) + " has nothing after it", "write x_1 or x_{ij}");
            }
            parseAtom(end, level + (c == '^' ? 1 : -1));
        } else if (c == '{') {
            int close = matchingBrace(pos, end);
            pos++;
            parseMath(close, level);
            pos = close + 1;
        } else if (c == '}') {
            throw error("unmatched '}' at index " + pos, "balance the braces");
        } else if (c == '\\') {
            parseCommand(end, level);
        } else if (c == ' ') {
            pos++;
        } else {
            boolean letter = Character.isLetter(c);
            String text = c == '-' ? "\u2212" : String.valueOf(c);
            runs.add(new Run(OPERATORS.indexOf(c) >= 0 ? spaced(text, level) : text, letter, level));
            pos++;
        }
    }

    /**
     * Pads a binary operator or relation with a medium space on each side, as TeX does, unless it
     * is in a script or is unary (first, or after an opening bracket or another operator).
     */
    private String spaced(String op, int level) {
        if (level != 0 || runs.isEmpty()) {
            return op;
        }
        Run prev = runs.get(runs.size() - 1);
        char last = prev.text().charAt(prev.text().length() - 1);
        if ("([{,\u2005".indexOf(last) >= 0 || OPERATORS.indexOf(last) >= 0
                || SPACED_SYMBOLS.contains(String.valueOf(last))) {
            return op;
        }
        return "\u2005" + op + "\u2005";
    }

    private void parseCommand(int end, int level) {
        int start = ++pos;
        if (pos < end && !Character.isLetter(source.charAt(pos))) {
            pos++;
        } else {
            while (pos < end && Character.isLetter(source.charAt(pos))) {
                pos++;
            }
        }
        String name = source.substring(start, pos);
        if (name.equals("mathrm") || name.equals("text")) {
            if (pos >= end || source.charAt(pos) != '{') {
                throw error("\\" + name + " at index " + (start - 1) + " needs a {…} argument", "write \\mathrm{ReLU}");
            }
            int close = matchingBrace(pos, end);
            runs.add(new Run(source.substring(pos + 1, close), false, level));
            pos = close + 1;
            return;
        }
        if (ACCENTS.containsKey(name)) {
            accent(name, start - 1, end, level);
            return;
        }
        String symbol = SYMBOLS.get(name);
        if (symbol == null) {
            throw error("unknown command \\" + name + " at index " + (start - 1),
                    "supported are Greek letters (\\omega, \\sigma, \\Delta…), \\times \\cdot \\pm \\leq \\geq \\infty"
                            + " \\partial \\nabla \\sum \\rightarrow \\in, accents \\hat \\bar \\tilde \\vec \\dot"
                            + " \\ddot, spacing \\, \\; \\quad and \\mathrm{…}");
        }
        boolean italic = Character.isLowerCase(name.charAt(0)) && name.length() > 1
                && symbol.codePointAt(0) >= 0x3b1 && symbol.codePointAt(0) <= 0x3c9;
        runs.add(new Run(SPACED_SYMBOLS.contains(symbol) ? spaced(symbol, level) : symbol, italic, level));
    }

    /** {@code \\hat Y} or {@code \\hat{Y}}: the next atom, with the accent combined onto its last character. */
    private void accent(String name, int at, int end, int level) {
        while (pos < end && source.charAt(pos) == ' ') {
            pos++;
        }
        int before = runs.size();
        if (pos >= end) {
            throw error("\\" + name + " at index " + at + " has nothing to put the accent on", "write \\" + name + "{y}");
        }
        parseAtom(end, level);
        if (runs.size() == before) {
            throw error("\\" + name + " at index " + at + " has nothing to put the accent on", "write \\" + name + "{y}");
        }
        Run last = runs.get(runs.size() - 1);
        runs.set(runs.size() - 1, new Run(last.text() + ACCENTS.get(name), last.italic(), last.level()));
    }

    private int matchingBrace(int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw error("unclosed '{' at index " + open, "balance the braces, e.g. x_{ij}");
    }

    private void flush(StringBuilder plain, boolean italic, int level) {
        if (plain.length() > 0) {
            runs.add(new Run(plain.toString(), italic, level));
            plain.setLength(0);
        }
    }

    private List<Run> merged() {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            Run last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.italic() == r.italic() && last.level() == r.level()) {
                out.set(out.size() - 1, new Run(last.text() + r.text(), r.italic(), r.level()));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    private IllegalArgumentException error(String what, String hint) {
        return new IllegalArgumentException("Bad mathtext in label '" + source + "': " + what + ". Hint: " + hint + ".");
    }
}
