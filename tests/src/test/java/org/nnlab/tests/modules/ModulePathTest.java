package org.nnlab.tests.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules as a user on the module path gets them: what each exports (the drawn API), and
 * that they work there, with Jackson reading nn-core's records through nn-dsl's mix-ins.
 *
 * <p>The library jars and their dependencies are taken from this test's class path and loaded into a
 * fresh {@link ModuleLayer}, so the descriptors are the ones the build just compiled.
 */
class ModulePathTest {
    private static final List<String> LIBRARY = List.of("org.nnlab.core", "org.nnlab.dsl", "org.nnlab.data",
            "org.nnlab.viz");
    private static ModuleLayer layer;

    @BeforeAll
    static void loadTheLibraryAsModules() {
        Path[] entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.matches(".*(nn-core|nn-dsl|nn-data|nn-viz|jackson-|commons-csv|commons-codec|commons-io|guava|failureaccess).*"))
                .map(Path::of)
                .toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.of(entries);
        Configuration config = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), LIBRARY);
        layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
    }

    private static Map<String, Set<String>> exports(String module) {
        ModuleDescriptor d = layer.findModule(module).orElseThrow().getDescriptor();
        Map<String, Set<String>> exports = new TreeMap<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            exports.put(e.source(), e.isQualified() ? new TreeSet<>(e.targets()) : Set.of());
        }
        return exports;
    }

    @Test
    void coreExportsItsApiAndSharesIoWithTheOtherModulesOnly() {
        assertEquals(Map.of(
                "org.nnlab.core.check", Set.of(), "org.nnlab.core.init", Set.of(), "org.nnlab.core.layer", Set.of(),
                "org.nnlab.core.loss", Set.of(), "org.nnlab.core.optim", Set.of(), "org.nnlab.core.optim.schedule", Set.of(),
                "org.nnlab.core.regularizer", Set.of(), "org.nnlab.core.tensor", Set.of(), "org.nnlab.core.train", Set.of(),
                "org.nnlab.core.io", Set.of("org.nnlab.data", "org.nnlab.dsl", "org.nnlab.viz")), exports("org.nnlab.core"));
        Module core = layer.findModule("org.nnlab.core").orElseThrow();
        assertFalse(core.isExported("org.nnlab.core.internal"));
        assertTrue(core.getPackages().contains("org.nnlab.core.internal"));
        assertFalse(core.getPackages().contains("org.nnlab.core.bench"), "benchmarks are not in the library jar");
    }

    @Test
    void theOtherModulesExportTheirApiOnly() {
        assertEquals(Set.of("org.nnlab.dsl", "org.nnlab.dsl.io", "org.nnlab.dsl.json", "org.nnlab.dsl.spec"),
                exports("org.nnlab.dsl").keySet());
        assertEquals(Set.of("org.nnlab.data", "org.nnlab.data.csv", "org.nnlab.data.idx", "org.nnlab.data.mnist",
                "org.nnlab.data.synthetic"), exports("org.nnlab.data").keySet());
        assertEquals(Set.of("org.nnlab.viz.nn", "org.nnlab.viz.plot", "org.nnlab.viz.report"),
                exports("org.nnlab.viz").keySet());
        Module viz = layer.findModule("org.nnlab.viz").orElseThrow();
        assertFalse(viz.isExported("org.nnlab.viz.svg"));
        assertFalse(viz.getPackages().stream().anyMatch(p -> p.endsWith(".demo") || p.endsWith(".bench")),
                "the gallery and the benchmarks are not in the library jar");
    }

    @Test
    void anInternalClassCannotBeReachedFromOutside() throws Exception {
        Class<?> matMul = layer.findLoader("org.nnlab.core").loadClass("org.nnlab.core.internal.MatMul");
        Method reference = matMul.getMethod("abReference", double[].class, double[].class, double[].class, int.class,
                int.class, int.class, boolean.class);
        assertThrows(IllegalAccessException.class,
                () -> reference.invoke(null, new double[1], new double[1], new double[1], 1, 1, 1, false));
    }

    @Test
    void aModelTrainsSavesAndLoadsOnTheModulePath(@TempDir Path dir) throws Exception {
        ClassLoader loader = layer.findLoader("org.nnlab.dsl");
        Class<?> nn = loader.loadClass("org.nnlab.dsl.Nn");
        Class<?> activation = loader.loadClass("org.nnlab.core.layer.Activation");
        Class<?> lossType = loader.loadClass("org.nnlab.core.loss.Loss");
        Class<?> metric = loader.loadClass("org.nnlab.core.train.Metric");
        Class<?> optimizerConfig = loader.loadClass("org.nnlab.core.optim.OptimizerConfig");
        Object stage = nn.getMethod("input", int.class, int[].class).invoke(null, 2, new int[0]);
        stage = stage.getClass().getMethod("dense", int.class, activation)
                .invoke(stage, 1, activation.getField("SIGMOID").get(null));
        Object adam = nn.getMethod("adam").invoke(null);
        adam = adam.getClass().getMethod("amsgrad", boolean.class).invoke(adam, true);
        Object metrics = java.lang.reflect.Array.newInstance(metric, 1);
        java.lang.reflect.Array.set(metrics, 0, metric.getField("ACCURACY").get(null));
        Object training = stage.getClass().getMethod("compile", optimizerConfig, lossType, metrics.getClass())
                .invoke(stage, adam, lossType.getField("BINARY_CROSSENTROPY").get(null), metrics);
        Object spec = training.getClass().getMethod("spec").invoke(training);

        Class<?> specJson = loader.loadClass("org.nnlab.dsl.json.SpecJson");
        Class<?> modelSpec = loader.loadClass("org.nnlab.dsl.spec.ModelSpec");
        String json = (String) specJson.getMethod("toJson", modelSpec).invoke(null, spec);
        assertTrue(json.contains("\"amsgrad\" : true"), json);
        assertEquals(spec, specJson.getMethod("fromJson", String.class).invoke(null, json));

        Class<?> model = loader.loadClass("org.nnlab.dsl.Model");
        Class<?> tensor = loader.loadClass("org.nnlab.core.tensor.Tensor");
        Object m = model.getMethod("compile", modelSpec).invoke(null, spec);
        Method matrix = tensor.getMethod("matrix", double[][].class);
        Object x = matrix.invoke(null, (Object) new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Object y = matrix.invoke(null, (Object) new double[][] {{0}, {1}, {1}, {1}});
        Object history = model.getMethod("fit", tensor, tensor, int.class).invoke(m, x, y, 2);
        assertEquals(2, history.getClass().getMethod("epochs").invoke(history));
        Path file = dir.resolve("or.nnlab");
        model.getMethod("save", Path.class).invoke(m, file);
        Object loaded = model.getMethod("load", Path.class).invoke(null, file);
        assertEquals(model.getMethod("getWeights").invoke(m), model.getMethod("getWeights").invoke(loaded));
    }

    @Test
    void everyLibraryModuleResolves() {
        assertEquals(new TreeSet<>(LIBRARY), layer.modules().stream().map(Module::getName)
                .filter(n -> n.startsWith("org.nnlab")).collect(Collectors.toCollection(TreeSet::new)));
    }
}
