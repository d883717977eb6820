package org.nnlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' per-weight loops call nothing but intrinsics.
 *
 * <p>{@code Optimizer.step} is inlined last into the fit loop's large {@code trainStep}
 * compilation; when C2's node budget runs out there, a call left in such a loop stays out of line
 * and runs once per weight, unvectorized (a helper call did that to Adam's loop and slowed about
 * half the float32 runs 3–10× from epoch 3; see {@link Optimizer#FLUSH64}). A loop without calls is
 * inlined whole or not at all. This reads the sources, as {@code Float32SourcesTest} does.
 */
class UpdateLoopsTest {
    private static final Path OPTIM = Path.of("src/main/java/org/nnlab/core/optim");
    /** The header of a loop over weights: {@code [from, to)} of an update, or a whole array. */
    private static final Pattern WEIGHT_LOOP =
            Pattern.compile("for \\(int i = \\w+; i < (to|g\\.length|w\\.length); i\\+\\+\\) \\{");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Set<String> ALLOWED =
            Set.of("Math.sqrt", "Math.max", "Math.min", "Math.abs", "if", "for", "while");

    @Test
    void everyOptimizerWeightLoopCallsOnlyIntrinsics() throws IOException {
        List<String> found = new ArrayList<>();
        int loops = 0;
        try (Stream<Path> files = Files.list(OPTIM)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                loops += WEIGHT_LOOP.matcher(source).results().count();
                for (String call : callsInWeightLoops(source)) {
                    found.add(file.getFileName() + ": " + call + "(…)");
                }
            }
        }
        assertTrue(loops >= 16, "expected the update, clipping and decay loops of the optimizers, found " + loops);
        assertEquals(List.of(), found, "These calls sit in an optimizer's per-weight loop. Write the arithmetic out"
                + " in the loop (as the moment flush is, see Optimizer.FLUSH64): C2 may leave a call there out of line"
                + " when the loop is inlined into a large compilation, and the loop then runs unvectorized.");
    }

    @Test
    void findsAHelperCallInAWeightLoopButNotMathOrCasts() {
        String source = """
                void update(double[] w, double[] g, int from, int to) {
                    double a = helper(1.0);
                    for (int i = from; i < to; i++) {
                        // flushed(x) in a comment is no call
                        w[i] -= (float) Math.sqrt(g[i]) + flushed(w[i] + g[i]);
                        if (g[i] > 0) {
                            w[i] = Math.max(w[i], 0);
                        }
                    }
                }
                """;
        assertEquals(List.of("flushed"), callsInWeightLoops(source));
    }

    /** The name of each method called in the body of a weight loop of {@code source}, but the intrinsics. */
    private static List<String> callsInWeightLoops(String source) {
        List<String> calls = new ArrayList<>();
        Matcher loop = WEIGHT_LOOP.matcher(source);
        while (loop.find()) {
            String body = withoutComments(source.substring(loop.end(), closingBrace(source, loop.end())));
            Matcher call = CALL.matcher(body);
            while (call.find()) {
                if (!ALLOWED.contains(call.group(1))) {
                    calls.add(call.group(1));
                }
            }
        }
        return calls;
    }

    /** The index of the brace that closes the block opened just before {@code from}. */
    private static int closingBrace(String source, int from) {
        int depth = 1;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces after offset " + from);
    }

    private static String withoutComments(String code) {
        return code.replaceAll("//[^\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
