package org.nnlab.curriculum.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a grade as Gradescope's {@code results.json}.
 *
 * <p>Fields, per Gradescope's autograder specification: {@code score} (the total),
 * {@code execution_time} (whole seconds), {@code output} (notes about the whole submission),
 * {@code tests}, each with {@code name}, {@code number}, {@code score}, {@code max_score},
 * {@code status} ({@code passed}/{@code failed}), {@code output} and {@code visibility}.
 */
public final class GradescopeResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    /** The JSON tree of {@code report}. */
    public static ObjectNode toJson(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.score());
        root.put("execution_time", Math.max(1, Math.round(report.executionSeconds())));
        root.put("output", String.join("\n\n", report.notes()));
        ArrayNode tests = root.putArray("tests");
        int number = 1;
        for (TestResult r : report.results()) {
            tests.addObject()
                    .put("name", r.test().name())
                    .put("number", report.exerciseId() + "." + number++)
                    .put("score", r.score())
                    .put("max_score", r.test().points())
                    .put("status", r.passed() ? "passed" : "failed")
                    .put("output", r.feedback())
                    .put("visibility", r.test().visibility().gradescopeName());
        }
        return root;
    }

    /** Writes {@code results.json} for {@code report} to {@code file}, creating its folder. */
    public static void write(GradeReport report, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writeValue(file.toFile(), toJson(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write results to " + file, e);
        }
    }
}
