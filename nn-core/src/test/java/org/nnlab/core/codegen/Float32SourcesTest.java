package org.nnlab.core.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Float32SourcesTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyGeneratedFloat32PartIsCurrent() throws IOException {
        List<String> stale = new ArrayList<>();
        int parts = 0;
        for (Path file : Float32Generator.sources(MAIN)) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            parts += source.split(java.util.regex.Pattern.quote(Float32Generator.GENERATED), -1).length - 1;
            if (!Float32Generator.regenerate(source, file.toString()).equals(source)) {
                stale.add(file.toString());
            }
        }
        assertTrue(parts >= 10, "expected the kernels, layers, losses and optimizers to have float32 parts, found "
                + parts);
        assertEquals(List.of(), stale, "These files' float32 code is not what Float32Generator makes from their"
                + " float64 code. Regenerate it from the repository root: mvn -q -pl nn-core test-compile && java -cp"
                + " nn-core/target/test-classes org.nnlab.core.codegen.Float32Generator nn-core/src/main/java");
    }

    @Test
    void rewritesTypesLiteralsMathCallsAndTensorArrays() {
        String twin = Float32Generator.toFloat("""
                static double f(double[] x, double lr, Tensor t) {
                    double s = 0.0;
                    double beta = config.beta1();
                    double[] d = t.data();
                    s += 1e-7 * x[0] + 2.5 + Double.MIN_VALUE + 3 + 0x9E37L;
                    return Math.sqrt(s) + Math.max(s, lr) + (float) Math.exp(s);
                }
                """);
        assertEquals("""
                static float f(float[] x, float lr, Tensor t) {
                    float s = 0.0f;
                    float beta = (float) (config.beta1());
                    float[] d = t.floatData();
                    s += 1e-7f * x[0] + 2.5f + Float.MIN_VALUE + 3 + 0x9E37L;
                    return (float) Math.sqrt(s) + Math.max(s, lr) + (float) Math.exp(s);
                }
                """, twin);
    }

    @Test
    void leavesStringsAloneAndRenamesDoubleInComments() {
        String twin = Float32Generator.toFloat("""
                // a double sum of 1.5 terms
                throw new IllegalStateException("double 1.5");
                """);
        assertEquals("""
                // a float sum of 1.5 terms
                throw new IllegalStateException("double 1.5");
                """, twin);
    }

    @Test
    void writesTheTwinBetweenTheMarkersAndLeavesTheRest() {
        String source = """
                class A {
                    int keep = 1;
                    // [float64] anything
                    static double twice(double x) {
                        return 2.0 * x;
                    }
                    // [float32] stale
                    old
                    // [end float32]
                }
                """;
        String regenerated = Float32Generator.regenerate(source, "A.java");
        assertEquals("""
                class A {
                    int keep = 1;
                    // [float64] The float32 twin below is generated from this code (Float32Generator).
                    static double twice(double x) {
                        return 2.0 * x;
                    }
                    // [float32] Generated from the [float64] code above by Float32Generator; do not edit.
                    static float twice(float x) {
                        return 2.0f * x;
                    }
                    // [end float32]
                }
                """, regenerated);
        assertEquals(regenerated, Float32Generator.regenerate(regenerated, "A.java"));
    }

    @Test
    void rejectsAPartWithoutItsMarkers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Float32Generator.regenerate("// [float64]\nint x;\n// [end float32]\n", "B.java"));
        assertEquals("B.java:1: the part opened here has no '// [float32]' line next; a part is '// [float64]', the"
                + " double code, '// [float32]', '// [end float32]'", e.getMessage());
        IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
                () -> Float32Generator.regenerate("int x;\n// [float32]\n", "C.java"));
        assertEquals("C.java:2: '// [float32]' without a '// [float64]' line before it", orphan.getMessage());
    }
}
