package org.nnlab.tests.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local Maven repository of the build that runs these tests, and the command line of a nested
 * Maven run that uses it.
 *
 * <p>The build passes {@code ${settings.localRepository}} as the system property
 * {@value #PROPERTY}: Maven's own answer, which honours {@code -Dmaven.repo.local} and settings.xml's
 * {@code localRepository} (CI caches often set one). Outside Maven (an IDE run) it falls back to
 * {@code maven.repo.local}, then {@code ~/.m2/repository}.
 */
public final class LocalRepository {
    /** The system property the tests module's surefire configuration sets. */
    public static final String PROPERTY = "nnlab.localRepository";

    private LocalRepository() {
    }

    /** The local repository's root folder. */
    public static Path root() {
        for (String property : List.of(PROPERTY, "maven.repo.local")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && !value.startsWith("${")) {
                return Path.of(value).toAbsolutePath();
            }
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** An offline, batch-mode {@code mvn} command on this repository, followed by {@code goals}. */
    public static List<String> offlineMaven(String... goals) {
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + root()));
        command.addAll(List.of(goals));
        return command;
    }
}
