package org.nnlab.curriculum.grading;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths as feedback shows them: a test JVM's working folder as {@code ./} (the submission's own
 * folder, from its point of view) and the grader's temporary folders as {@code (grader)}, never the
 * grader's absolute temporary paths.
 */
final class PathsShown {
    private final String work;
    private final Pattern sandbox;

    /** Paths under {@code work}, one grading's work folder. */
    PathsShown(Path work) {
        this.work = work.toAbsolutePath().toString();
        this.sandbox = Pattern.compile(Pattern.quote(this.work) + "/run-\\d+/sandbox/?");
    }

    /** {@code text} with the work folder and the runtime class path's folder replaced. */
    String relative(String text) {
        String out = text.contains(work) ? sandbox.matcher(text).replaceAll(Matcher.quoteReplacement("./"))
                .replace(work, "(grader)") : text;
        String runtime = RuntimeClasspath.folderPath();
        return runtime == null ? out : out.replace(runtime, "(grader)");
    }
}
