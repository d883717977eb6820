package org.nnlab.curriculum.grading.child;

import java.io.File;
import java.io.FilePermission;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.AllPermission;
import java.security.Permission;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.security.Policy;
import java.security.ProtectionDomain;
import java.util.PropertyPermission;
import java.util.Set;

/**
 * The security policy of the test JVM: the submission's classes may compute, read the JDK and
 * system properties, and use their working folder, and nothing else.
 *
 * <p>Code defined by the submission's class loader is denied, among others: ending the JVM
 * ({@code System.exit}, {@code Runtime.halt}), reading any file but the JDK's and its working
 * folder's (so not the class path, where nn-data's test digits live, not the results channel, not
 * {@code /proc/self/mem}), writing or deleting files outside its folder, deep reflection
 * ({@code setAccessible}, {@code accessDeclaredMembers}), getting another class loader, inspecting
 * the tests' package ({@code accessClassInPackage}), replacing {@code System.out}, starting
 * processes, starting a thread while the JVM runs {@value Guard#MAX_THREADS}, the network and the
 * management beans. Every other class (the JDK, nnlab, JUnit,
 * the tests, this harness) keeps all permissions; because Java checks every frame on the stack, a
 * library call made on behalf of the submission is restricted too.
 *
 * <p>The SecurityManager exists up to JDK 23 (deprecated for removal since JDK 17). The grader
 * refuses to grade without it unless told {@code --allow-unsandboxed}.
 */
@SuppressWarnings("removal")
final class SandboxPolicy extends Policy {
    private final ClassLoader submission;
    private final Permissions allowed = new Permissions();

    private SandboxPolicy(ClassLoader submission, Path sandbox) {
        this.submission = submission;
        allowed.add(new FilePermission(sandbox.toAbsolutePath().toString(), "read"));
        allowed.add(new FilePermission(sandbox.toAbsolutePath() + File.separator + "-", "read,write,delete"));
        allowed.add(new FilePermission(System.getProperty("java.home") + File.separator + "-", "read"));
        allowed.add(new PropertyPermission("*", "read"));
        allowed.setReadOnly();
    }

    /**
     * Installs the policy and a SecurityManager for the classes {@code submission} defines.
     *
     * @param testPackages the packages of the tests' classes, which student code may not inspect
     * @param guarded threads student code may not interrupt, suspend or rename (the harness's)
     * @return false when this JDK has no SecurityManager any more (JDK 24 and later)
     */
    static boolean install(ClassLoader submission, Path sandbox, Set<String> testPackages, Set<Thread> guarded) {
        try {
            SandboxPolicy policy = new SandboxPolicy(submission, sandbox);
            Policy.setPolicy(policy);
            System.setSecurityManager(new Guard(submission, testPackages, guarded));
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
        Permissions copy = new Permissions();
        if (isSubmission(domain)) {
            allowed.elements().asIterator().forEachRemaining(copy::add);
        } else {
            copy.add(new AllPermission());
        }
        return copy;
    }

    private boolean isSubmission(ProtectionDomain domain) {
        return domain != null && domain.getClassLoader() == submission;
    }

    /**
     * The SecurityManager: the policy decides permissions; four checks look at the call stack
     * instead. {@code checkExit}: the JDK's application class loader grants {@code exitVM} to every
     * class, so the policy alone cannot take it away. {@code checkPackageAccess}: reflection from
     * one class loader on another's classes asks for {@code accessClassInPackage} only for the
     * JDK's restricted packages, so the tests' package is added to them. {@code checkAccess(Thread)}:
     * the JDK lets any code interrupt or suspend threads outside the system group.
     * {@code checkAccess(ThreadGroup)}: no permission bounds how many threads code may start.
     */
    private static final class Guard extends SecurityManager {
        /** Live threads in the test JVM beyond which student code may start no more (it starts with about 10). */
        static final int MAX_THREADS = 64;
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final ClassLoader submission;
        private final Set<String> testPackages;
        private final Set<Thread> guarded;

        Guard(ClassLoader submission, Set<String> testPackages, Set<Thread> guarded) {
            this.submission = submission;
            this.testPackages = Set.copyOf(testPackages);
            this.guarded = Set.copyOf(guarded);
        }

        @Override
        public void checkExit(int status) {
            if (fromSubmission()) {
                throw new SecurityException("access denied (\"java.lang.RuntimePermission\" \"exitVM." + status
                        + "\"): the submission may not end the JVM");
            }
            super.checkExit(status);
        }

        @Override
        public void checkPackageAccess(String pkg) {
            if (testPackages.contains(pkg)) {
                checkPermission(new RuntimePermission("accessClassInPackage." + pkg));
            }
            super.checkPackageAccess(pkg);
        }

        /**
         * Called, among others, for every thread created in {@code g}: student code may not start one
         * while the JVM already runs {@value #MAX_THREADS}, so a thread bomb cannot exhaust the
         * grading machine's processes.
         */
        @Override
        public void checkAccess(ThreadGroup g) {
            int running = THREADS.getThreadCount();
            if (running >= MAX_THREADS && fromSubmission()) {
                throw new SecurityException("access denied (\"java.lang.RuntimePermission\" \"modifyThreadGroup\"): the"
                        + " submission may not start more threads; the test JVM already runs " + running + " (at most "
                        + MAX_THREADS + "). Hint: a graded method needs none; reuse a few, or compute on the calling thread.");
            }
            super.checkAccess(g);
        }

        @Override
        public void checkAccess(Thread t) {
            if (t != Thread.currentThread() && guarded.contains(t) && fromSubmission()) {
                throw new SecurityException("access denied (\"java.lang.RuntimePermission\" \"modifyThread\"): the"
                        + " submission may not interrupt, stop or change the grader's thread " + t.getName());
            }
            super.checkAccess(t);
        }

        private boolean fromSubmission() {
            for (Class<?> c : getClassContext()) {
                if (c.getClassLoader() == submission) {
                    return true;
                }
            }
            return false;
        }
    }
}
