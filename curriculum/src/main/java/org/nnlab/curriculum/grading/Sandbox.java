package org.nnlab.curriculum.grading;

/**
 * Whether the test JVM can run submissions under a SecurityManager, and what to say when not.
 *
 * <p>The SecurityManager is gone from JDK 24 on. Without it a submission can read its own process
 * memory (and so the results key), read every file the grader can, open network connections and
 * start processes; separate JVMs, signed results and the grader's clock still hold, but a grade
 * can no longer be trusted. The grader therefore refuses to grade there unless told
 * {@code --allow-unsandboxed}.
 */
public final class Sandbox {
    /**
     * The system property that makes the grader treat this JDK as the given feature version, e.g.
     * {@code 24}: a seam to test the refusal on a JDK that still has a SecurityManager.
     */
    public static final String JAVA_FEATURE_PROPERTY = "nnlab.grader.javaFeature";
    /** The first JDK without a SecurityManager. */
    static final int FIRST_JDK_WITHOUT = 24;

    private Sandbox() {
    }

    /** The JDK's feature version as the grader sees it: {@link #JAVA_FEATURE_PROPERTY} or the real one. */
    static int javaFeature() {
        String pretend = System.getProperty(JAVA_FEATURE_PROPERTY);
        return pretend == null || pretend.isBlank() ? Runtime.version().feature() : Integer.parseInt(pretend.trim());
    }

    /** Whether test JVMs run with the SecurityManager sandbox on this JDK (17 to 23). */
    public static boolean available() {
        return javaFeature() < FIRST_JDK_WITHOUT;
    }

    /** Why the grader refuses to grade on this JDK, and what to do. */
    static String refusal() {
        return "This JDK (" + javaFeature() + ") has no SecurityManager, so the grader cannot sandbox submissions:"
                + " student code could read the grader's key from its own memory and forge results, read every file"
                + " the grader can (the hidden tests, the reference solutions, other students' work), open network"
                + " connections and start processes. Grade on JDK 17 to 23 (Gradescope's setup.sh installs 17), or"
                + " pass --allow-unsandboxed to grade anyway with the weaker guarantees (a separate JVM per"
                + " submission, signed results and the grader's own time limits).";
    }

    /** The note on a grade made without the sandbox. */
    static String unsandboxedNote() {
        return "Graded without the SecurityManager sandbox (JDK " + javaFeature() + ", --allow-unsandboxed): the"
                + " submission ran in its own JVM, folder and time limits, but could have read files and memory it"
                + " should not. Grade on JDK 17 to 23 for the full sandbox.";
    }
}
