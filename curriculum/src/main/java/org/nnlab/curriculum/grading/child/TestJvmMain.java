package org.nnlab.curriculum.grading.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The harness of the test JVM: runs the graded tests it is given and reports each one, signed.
 *
 * <p>Order matters and is the security argument. First it reads its standard input to the end:
 * one JSON line with the channel key, the results file, the sandbox folder, the student's and the
 * tests' class files (as bytes, so no file holds them) and the tests to run, in phases. Then it
 * opens the results file, makes the two class loaders ({@link ExerciseClassLoader}), installs the
 * sandbox and captures {@code System.out}/{@code err}; only then does JUnit load a test class and
 * with it the submission. The key and the open channel live in local variables and in objects only
 * the harness refers to.
 *
 * <p>Phases run one after the other: the grader puts the visible tests first and the hidden ones
 * after, so nothing a hidden test hands to student code can reach a visible test's output.
 * Time is kept by the grader, not here. At the end the harness halts the JVM itself, so threads
 * a submission left running end with it.
 */
public final class TestJvmMain {
    /** The exit status after every test ran. */
    public static final int EXIT_DONE = 0;
    /** How often a running test's output so far is sent, for the feedback of a test that times out. */
    static final long OUTPUT_MILLIS = 500;

    private TestJvmMain() {
    }

    /** Entry point of the test JVM; arguments are ignored, everything comes on standard input. */
    public static void main(String[] args) throws Exception {
        JsonNode header = new ObjectMapper().readTree(System.in.readAllBytes());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        byte[] key = HexFormat.of().parseHex(header.get("key").asText());
        RecordWriter records = new RecordWriter(new FileOutputStream(header.get("results").asText(), true), key);

        ClassLoader app = TestJvmMain.class.getClassLoader();
        ExerciseClassLoader submission = ExerciseClassLoader.submission(classes(header.get("studentClasses")), app);
        ExerciseClassLoader tests = ExerciseClassLoader.tests(classes(header.get("testClasses")), submission, app);
        Set<String> testPackages = new HashSet<>();
        header.get("testPackages").forEach(p -> testPackages.add(p.asText()));
        OutputCapture capture = OutputCapture.install();
        TestProgress progress = new TestProgress(records, capture);
        Thread reporter = new Thread(() -> progress.reportOutput(OUTPUT_MILLIS), "nnlab-output");
        reporter.setDaemon(true);
        boolean sandboxed = header.get("sandbox").asBoolean() && SandboxPolicy.install(submission,
                Path.of(header.get("sandboxFolder").asText()), testPackages, Set.of(Thread.currentThread(), reporter));
        reporter.start();
        records.write(records.record("hello").put("sandboxed", sandboxed).put("java", Runtime.version().toString()));

        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        for (JsonNode phase : header.get("phases")) {
            List<DiscoverySelector> selectors = new ArrayList<>();
            records.write(records.record("phase").set("tests", phase.deepCopy()));
            for (JsonNode test : phase) {
                String id = test.asText();
                int hash = id.indexOf('#');
                selectors.add(DiscoverySelectors.selectMethod(Class.forName(id.substring(0, hash), false, tests),
                        id.substring(hash + 1)));
            }
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .configurationParameter("junit.platform.output.capture.stdout", "false")
                    .configurationParameter("junit.platform.output.capture.stderr", "false")
                    .build();
            launcher.execute(request, progress);
        }
        records.write(records.record("done"));
        Runtime.getRuntime().halt(EXIT_DONE);
    }

    private static Map<String, byte[]> classes(JsonNode encoded) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        encoded.fields().forEachRemaining(e -> out.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
        return out;
    }
}
