package org.nnlab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged types make misuse a compile error: these snippets go through javac. */
class StagingTest {

    private static boolean compiles(String body, Path out) {
        String src = "import org.nnlab.dsl.*; import static org.nnlab.dsl.Nn.*;"
                + " class Snippet { Object run() { return " + body + "; } }";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null);
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString());
        return javac.getTask(new StringWriter(), files, diagnostics, options, null, List.of(file)).call();
    }

    @Test
    void denseBeforeInputDoesNotCompile(@TempDir Path out) {
        assertTrue(compiles("Nn.input(2).dense(1, SIGMOID)", out), "the control snippet must compile");
        assertFalse(compiles("Nn.dense(1, SIGMOID)", out));
    }

    @Test
    void fitOptionsBeforeCompileDoNotCompile(@TempDir Path out) {
        assertFalse(compiles("Nn.input(2).dense(1).fit(f -> f.epochs(3))", out));
    }

    @Test
    void anInputWithoutDimensionsDoesNotCompile(@TempDir Path out) {
        assertTrue(compiles("input(28, 28).flatten().dense(10, SOFTMAX)", out), "the control snippet must compile");
        assertFalse(compiles("Nn.input()", out));
    }

    @Test
    void aLayerAfterCompileDoesNotCompile(@TempDir Path out) {
        assertTrue(compiles("input(2).dense(1, SIGMOID).compile(adam(), BINARY_CROSSENTROPY, ACCURACY)"
                + ".fit(f -> f.epochs(3).verbose(0))", out), "the control snippet must compile");
        assertFalse(compiles("input(2).dense(1, SIGMOID).compile(adam(), BINARY_CROSSENTROPY).dense(1)", out));
    }

    @Test
    void stagesAreImmutableSoABaseGrowsIntoVariants() {
        LayerStage base = Nn.input(1).dense(30, org.nnlab.core.layer.Activation.SIGMOID);
        LayerStage withDropout = base.dropout(0.2);
        LayerStage withNorm = base.batchNormalization();
        assertEquals(1, base.spec().layers().size());
        assertEquals("Dropout", withDropout.spec().layers().get(1).typeName());
        assertEquals("BatchNormalization", withNorm.spec().layers().get(1).typeName());
    }
}
