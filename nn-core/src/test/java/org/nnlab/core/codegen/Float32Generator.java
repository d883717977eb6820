package org.nnlab.core.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the float32 twin of every piece of nn-core's maths from its float64 original, in place.
 *
 * <p>nn-core's maths is written once, by hand, in {@code double}; its {@code float} version is
 * generated, as EJML generates its 32-bit code from the 64-bit code and fastutil its type-specific
 * collections from one template. A source file marks each generated part with three comment lines:
 * <pre>
 *     // [float64] …
 *     (the hand-written double code)
 *     // [float32] …
 *     (its float twin, written by this generator: do not edit)
 *     // [end float32]
 * </pre>
 * so the two overloads sit side by side in one class and the code that calls them picks one by the
 * tensor's precision. The twin is the double code with these rewrites and no others:
 * <ul>
 *   <li>{@code double} becomes {@code float} and {@code Double} becomes {@code Float} (in code and
 *       comments; string literals are left alone);
 *   <li>a name ending in {@code 64} ends in {@code 32}: {@code packedRight64} → {@code packedRight32},
 *       {@code FLOAT64} → {@code FLOAT32}, so fields and methods that differ only in their result
 *       type ({@code double[] flat64(int)}, {@code float[] flat32(int)}) get twins of their own;
 *   <li>floating-point literals get an {@code f} ({@code 1e-7} → {@code 1e-7f}, {@code 0.0} →
 *       {@code 0.0f});
 *   <li>calls of {@code Math}'s double-only functions ({@code exp}, {@code log}, {@code sqrt},
 *       {@code tanh}, {@code pow}, …) are cast to float: {@code (float) Math.exp(x)};
 *   <li>a local {@code float x = …} whose initializer reads a member ({@code config.beta1()},
 *       {@code this.momentum}) is cast to float, since members keep their double types;
 *   <li>{@code .data()}, a float64 tensor's array, becomes {@code .floatData()}.
 * </ul>
 * Everything else (loop structure, index arithmetic, the order of operations) is the double code's,
 * which is why a float32 model and a float64 model compute the same formulas.
 * {@code Float32SourcesTest} fails when a twin is out of date; to regenerate after editing a
 * {@code [float64]} part, run (from the repository root, after {@code mvn -pl nn-core test-compile}):
 * <pre>
 *     java -cp nn-core/target/test-classes org.nnlab.core.codegen.Float32Generator nn-core/src/main/java
 * </pre>
 */
public final class Float32Generator {
    /** Starts the hand-written double code of a generated pair. */
    public static final String BEGIN = "// [float64]";
    /** Starts the generated float code of a pair. */
    public static final String GENERATED = "// [float32]";
    /** Ends the generated float code. */
    public static final String END = "// [end float32]";

    private static final String BEGIN_LINE = BEGIN + " The float32 twin below is generated from this code (Float32Generator).";
    private static final String GENERATED_LINE = GENERATED + " Generated from the [float64] code above by Float32Generator;"
            + " do not edit.";

    private static final Set<String> DOUBLE_ONLY_MATH = Set.of("exp", "expm1", "log", "log1p", "log10", "sqrt", "cbrt",
            "tanh", "sinh", "cosh", "sin", "cos", "tan", "atan", "atan2", "pow", "hypot", "rint");
    private static final Pattern MATH_CALL = Pattern.compile("(?<!\\(float\\) )\\bMath\\.(\\w+)\\(");
    private static final Pattern SUFFIX_64 = Pattern.compile("\\b([A-Za-z_]\\w*?)64\\b");
    private static final Pattern LOCAL_FLOAT = Pattern.compile("\\bfloat (\\w+) = (?!\\(float\\))([^;]*\\.[A-Za-z_][^;]*);");

    private Float32Generator() {
    }

    /** Regenerates every float32 part under the source folders given (default {@code nn-core/src/main/java}). */
    public static void main(String[] args) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"nn-core/src/main/java"} : args) {
            roots.add(Path.of(a));
        }
        for (Path root : roots) {
            for (Path file : sources(root)) {
                String before = Files.readString(file, StandardCharsets.UTF_8);
                String after = regenerate(before, file.toString());
                if (!after.equals(before)) {
                    Files.writeString(file, after, StandardCharsets.UTF_8);
                    System.out.println("regenerated " + file);
                }
            }
        }
    }

    /** The {@code .java} files under {@code root}, in a stable order. */
    public static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code source} with every {@code [float32]} part rewritten from the {@code [float64]} part
     * before it; unchanged when there are none.
     *
     * @param where names the file in messages
     * @throws IllegalArgumentException if the markers are not in begin / generated / end order
     */
    public static String regenerate(String source, String where) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (!line.trim().startsWith(BEGIN)) {
                if (line.trim().startsWith(GENERATED) || line.trim().startsWith(END)) {
                    throw new IllegalArgumentException(where + ":" + (i + 1) + ": '" + line.trim() + "' without a '"
                            + BEGIN + "' line before it");
                }
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
                i++;
                continue;
            }
            String indent = line.substring(0, line.indexOf(BEGIN));
            int generated = find(lines, i + 1, GENERATED, where, i);
            int end = find(lines, generated + 1, END, where, generated);
            StringBuilder original = new StringBuilder();
            for (int k = i + 1; k < generated; k++) {
                original.append(lines[k]).append('\n');
            }
            out.append(indent).append(BEGIN_LINE).append('\n');
            out.append(original);
            out.append(indent).append(GENERATED_LINE).append('\n');
            out.append(toFloat(original.toString()));
            out.append(indent).append(END).append(end < lines.length - 1 ? "\n" : "");
            i = end + 1;
        }
        return out.toString();
    }

    private static int find(String[] lines, int from, String marker, String where, int opened) {
        for (int k = from; k < lines.length; k++) {
            String t = lines[k].trim();
            if (t.startsWith(marker)) {
                return k;
            }
            if (t.startsWith(BEGIN) || t.startsWith(GENERATED) || t.startsWith(END)) {
                break;
            }
        }
        throw new IllegalArgumentException(where + ":" + (opened + 1) + ": the part opened here has no '" + marker
                + "' line next; a part is '" + BEGIN + "', the double code, '" + GENERATED + "', '" + END + "'");
    }

    /** The float twin of a piece of double code, by the rules of the class comment. */
    static String toFloat(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = code.length();
        StringBuilder plain = new StringBuilder();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && (code.charAt(i + 1) == '/' || code.charAt(i + 1) == '*')) {
                out.append(codeToFloat(plain.toString()));
                plain.setLength(0);
                int stop = code.charAt(i + 1) == '/' ? lineEnd(code, i) : code.indexOf("*/", i + 2) + 2;
                out.append(wordsToFloat(code.substring(i, stop)));
                i = stop;
            } else if (c == '"' || c == '\'') {
                out.append(codeToFloat(plain.toString()));
                plain.setLength(0);
                int stop = literalEnd(code, i, c);
                out.append(code, i, stop);
                i = stop;
            } else {
                plain.append(c);
                i++;
            }
        }
        out.append(codeToFloat(plain.toString()));
        return castMemberInitializers(out.toString());
    }

    private static int lineEnd(String code, int from) {
        int e = code.indexOf('\n', from);
        return e < 0 ? code.length() : e;
    }

    private static int literalEnd(String code, int from, char quote) {
        int i = from + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), i + 1);
    }

    private static String wordsToFloat(String text) {
        return SUFFIX_64.matcher(text.replaceAll("\\bdouble\\b", "float").replaceAll("\\bDouble\\b", "Float"))
                .replaceAll("$132");
    }

    private static String codeToFloat(String code) {
        String s = wordsToFloat(code).replace(".data()", ".floatData()");
        s = floatLiterals(s);
        Matcher m = MATH_CALL.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, DOUBLE_ONLY_MATH.contains(m.group(1)) ? "(float) Math.$1(" : "Math.$1(");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Appends {@code f} to every floating-point literal ({@code 1.0}, {@code .5}, {@code 1e-7}); integers stay. */
    private static String floatLiterals(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            boolean startsNumber = (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1))))
                    && (i == 0 || !(Character.isLetterOrDigit(code.charAt(i - 1)) || code.charAt(i - 1) == '_'
                    || code.charAt(i - 1) == '.'));
            if (!startsNumber) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            if (c == '0' && j + 1 < n && (code.charAt(j + 1) == 'x' || code.charAt(j + 1) == 'X')) {
                j += 2;
                while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                    j++;
                }
                out.append(code, i, j);
                i = j;
                continue;
            }
            boolean floating = false;
            while (j < n && (Character.isDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                j++;
            }
            if (j < n && code.charAt(j) == '.' && !(j + 1 < n && Character.isLetter(code.charAt(j + 1)))) {
                floating = true;
                j++;
                while (j < n && Character.isDigit(code.charAt(j))) {
                    j++;
                }
            }
            if (j < n && (code.charAt(j) == 'e' || code.charAt(j) == 'E')) {
                floating = true;
                j++;
                if (j < n && (code.charAt(j) == '+' || code.charAt(j) == '-')) {
                    j++;
                }
                while (j < n && Character.isDigit(code.charAt(j))) {
                    j++;
                }
            }
            String literal = code.substring(i, j);
            if (j < n && (code.charAt(j) == 'd' || code.charAt(j) == 'D')) {
                out.append(literal).append('f');
                j++;
            } else if (j < n && "fFlL".indexOf(code.charAt(j)) >= 0) {
                out.append(literal).append(code.charAt(j));
                j++;
            } else {
                out.append(literal).append(floating ? "f" : "");
            }
            i = j;
        }
        return out.toString();
    }

    /** {@code float x = config.beta1();} → {@code float x = (float) (config.beta1());}: members stay double. */
    private static String castMemberInitializers(String code) {
        Matcher m = LOCAL_FLOAT.matcher(code);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("float " + m.group(1) + " = (float) (" + m.group(2) + ");"));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
