package org.nnlab.curriculum.grading.child;

import java.io.File;
import java.io.FilePermission;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.PropertyPermission;

/**
 * The security policy of the test JVM: the submission's classes may compute, read the class path
 * and use their working folder, and nothing else.
 *
 * <p>Code whose class file comes from the submission folder is denied, among others: ending the
 * JVM ({@code System.exit}, {@code Runtime.halt}), writing or deleting files outside the sandbox
 * folder, reading files other than the class path and the JDK (so neither {@code /proc/self/mem}
 * nor the results channel), deep reflection, replacing {@code System.out}, starting processes,
 * and the management beans (no heap dumps). Every other class (the JDK, nnlab, JUnit, the
 * graded tests) keeps all permissions; because Java checks every frame on the stack, a library
 * call made on behalf of the submission is restricted too.
 *
 * <p>The SecurityManager exists up to JDK 23 (deprecated for removal since JDK 17); on a newer JDK
 * {@link #install} returns false and the grader says so. The separate JVM, the signed results
 * channel and the per-test restarts still hold there.
 */
@SuppressWarnings("removal")
final class SandboxPolicy extends Policy {
    private final String submissionLocation;
    private final Permissions allowed = new Permissions();
    /** Code-source location → whether it is the submission's class folder. */
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> verdicts = new java.util.concurrent.ConcurrentHashMap<>();

    private SandboxPolicy(Path submissionClasses, Path sandbox) {
        this.submissionLocation = normalize(submissionClasses.toAbsolutePath().toString());
        allowed.add(new FilePermission(sandbox.toAbsolutePath().toString(), "read"));
        allowed.add(new FilePermission(sandbox.toAbsolutePath() + File.separator + "-", "read,write,delete"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            allowed.add(new FilePermission(entry, "read"));
            allowed.add(new FilePermission(entry + File.separator + "-", "read"));
        }
        allowed.add(new FilePermission(System.getProperty("java.home") + File.separator + "-", "read"));
        allowed.add(new PropertyPermission("*", "read"));
        allowed.setReadOnly();
    }

    /**
     * Installs the policy and a SecurityManager for the classes in {@code submissionClasses}.
     *
     * @return false when this JDK has no SecurityManager any more (JDK 24 and later)
     */
    static boolean install(Path submissionClasses, Path sandbox) {
        try {
            SandboxPolicy policy = new SandboxPolicy(submissionClasses, sandbox);
            Policy.setPolicy(policy);
            System.setSecurityManager(new ExitGuard(policy));
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public boolean implies(ProtectionDomain domain, Permission permission) {
        return !isSubmission(domain) || allowed.implies(permission);
    }

    @Override
    public PermissionCollection getPermissions(ProtectionDomain domain) {
        if (isSubmission(domain)) {
            Permissions copy = new Permissions();
            allowed.elements().asIterator().forEachRemaining(copy::add);
            return copy;
        }
        Permissions all = new Permissions();
        all.add(new java.security.AllPermission());
        return all;
    }

    /**
     * The SecurityManager, with {@code checkExit} decided by the call stack rather than by
     * permissions: the JDK's application class loader grants {@code exitVM} to every class it
     * loads, so the policy alone cannot take it away from the submission.
     */
    private static final class ExitGuard extends SecurityManager {
        private final SandboxPolicy policy;

        ExitGuard(SandboxPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void checkExit(int status) {
            Class<?>[] stack = getClassContext();
            boolean fromSubmission = java.security.AccessController.doPrivileged(
                    (java.security.PrivilegedAction<Boolean>) () -> {
                        for (Class<?> c : stack) {
                            if (policy.isSubmission(c.getProtectionDomain())) {
                                return true;
                            }
                        }
                        return false;
                    });
            if (fromSubmission) {
                throw new SecurityException("access denied (\"java.lang.RuntimePermission\" \"exitVM." + status
                        + "\"): the submission may not end the JVM");
            }
            super.checkExit(status);
        }
    }

    private boolean isSubmission(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return false;
        }
        return verdicts.computeIfAbsent(location.toString(), key -> {
            try {
                return normalize(new File(location.toURI()).getAbsolutePath()).equals(submissionLocation);
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return true; // a location we cannot read is treated as the submission's: restricted
            }
        });
    }

    private static String normalize(String path) {
        String p = path.replace('\\', '/');
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
