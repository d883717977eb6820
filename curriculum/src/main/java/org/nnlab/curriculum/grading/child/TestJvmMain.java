package org.nnlab.curriculum.grading.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The harness of the test JVM: runs the graded tests it is given and reports each one, signed.
 *
 * <p>Order matters and is the security argument. First it reads its standard input to the end:
 * one JSON line with the channel key, the results file, the folders and the tests (id and time
 * limit). Then it opens the results file, captures {@code System.out}/{@code err}, and installs the
 * sandbox; only then does JUnit load a test class and with it the submission. The key and the
 * open channel live in local variables and in objects only the harness refers to.
 *
 * <p>A watchdog thread ends the JVM with {@link #EXIT_TIMEOUT} when a test overruns its limit,
 * after writing that test's timeout record: code that never returns cannot be stopped any other
 * way. The grader starts a fresh JVM for the tests that did not run. At the end the harness halts
 * the JVM itself, so threads a submission left running do not keep it alive.
 */
public final class TestJvmMain {
    /** The exit status after a per-test timeout. */
    public static final int EXIT_TIMEOUT = 86;
    /** The exit status after every test ran. */
    public static final int EXIT_DONE = 0;

    private TestJvmMain() {
    }

    /** Entry point of the test JVM; arguments are ignored, everything comes on standard input. */
    public static void main(String[] args) throws Exception {
        JsonNode header = new ObjectMapper().readTree(System.in.readAllBytes());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        byte[] key = HexFormat.of().parseHex(header.get("key").asText());
        RecordWriter records = new RecordWriter(new FileOutputStream(header.get("results").asText(), true), key);
        Map<String, Double> timeouts = new LinkedHashMap<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (JsonNode test : header.get("tests")) {
            timeouts.put(test.get("id").asText(), test.get("timeoutSeconds").asDouble());
            selectors.add(DiscoverySelectors.selectMethod(test.get("id").asText()));
        }
        boolean sandboxed = SandboxPolicy.install(Path.of(header.get("submission").asText()),
                Path.of(header.get("sandbox").asText()));
        OutputCapture capture = OutputCapture.install();
        records.write(records.record("hello").put("sandboxed", sandboxed)
                .put("java", Runtime.version().toString()));

        TestProgress progress = new TestProgress(records, capture, timeouts);
        Thread watchdog = new Thread(progress::watch, "nnlab-grader-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, progress);
        records.write(records.record("done"));
        Runtime.getRuntime().halt(EXIT_DONE);
    }
}
