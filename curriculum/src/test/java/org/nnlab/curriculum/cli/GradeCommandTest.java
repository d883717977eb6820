package org.nnlab.curriculum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    @Test
    void releasedStarterGradesToZeroThroughTheCommandLine(@TempDir Path dir) throws Exception {
        assertEquals(0, Main.run("release", "--out", dir.resolve("release").toString(), "--exercise", "recursion"));
        Path results = dir.resolve("out/results.json");
        Path html = dir.resolve("out/feedback.html");
        assertEquals(0, Main.run("grade", "--exercise", "1", "--submission", dir.resolve("release/recursion").toString(),
                "--results", results.toString(), "--html", html.toString(), "--quiet"));
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertEquals(7, json.get("tests").size());
        assertTrue(json.get("tests").get(0).get("output").asText().startsWith("Not written yet: TODO: implement"));
        assertTrue(Files.readString(html).contains("Not written yet"));
    }

    @Test
    void missingSubmissionFileScoresZeroAndSaysWhichFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Path results = dir.resolve("results.json");
        assertEquals(0, Main.run("grade", "-e", "fibonacci", "-s", dir.resolve("empty").toString(),
                "--results", results.toString(), "--html", dir.resolve("f.html").toString(), "--quiet"));
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertTrue(json.get("output").asText().startsWith("Your submission has no Fibonacci.java"), json.get("output").asText());
    }

    @Test
    void unknownExerciseIsAUsageError(@TempDir Path dir) {
        assertEquals(2, Main.run("grade", "-e", "nope", "-s", dir.toString()));
    }
}
