package org.nnlab.curriculum.grading.child;

import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the classes of one side of a grading run, the submission's or the tests', from bytes
 * the grader sent; nothing is read from a file.
 *
 * <p>Two instances, both children of the application class loader (nnlab, JUnit, the JDK):
 * <ul>
 *   <li>the <b>submission loader</b> knows only the student's classes. It cannot find a test
 *       class, so student code can neither link to one nor load one by name;
 *   <li>the <b>test loader</b> knows the tests' classes and asks the submission loader (its
 *       <em>peer</em>, not its parent) for the student's, so the tests see the submission but the
 *       submission's loader is neither the tests' loader nor an ancestor of it.
 * </ul>
 * Classes of the same package name on the two sides therefore sit in different runtime packages:
 * no package-private access either way, and {@code Class.getClassLoader()} or reflection on a test
 * class from student code needs permissions the sandbox does not give. Neither loader serves its
 * class files as resources, so compiled tests cannot be read back as bytes.
 */
final class ExerciseClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final Set<String> names;
    private final ExerciseClassLoader peer;
    private final ProtectionDomain domain;

    private ExerciseClassLoader(String name, Map<String, byte[]> classes, ExerciseClassLoader peer, ClassLoader parent) {
        super(name, parent);
        this.classes = new ConcurrentHashMap<>(classes);
        this.names = Set.copyOf(classes.keySet());
        this.peer = peer;
        this.domain = new ProtectionDomain(new CodeSource(location(name), (CodeSigner[]) null), null, this, null);
    }

    /** The loader of the student's classes. */
    static ExerciseClassLoader submission(Map<String, byte[]> classes, ClassLoader parent) {
        return new ExerciseClassLoader("submission", classes, null, parent);
    }

    /** The loader of the tests' classes, which finds the student's through {@code submission}. */
    static ExerciseClassLoader tests(Map<String, byte[]> classes, ExerciseClassLoader submission, ClassLoader parent) {
        return new ExerciseClassLoader("tests", classes, submission, parent);
    }

    /** Whether this loader defines {@code name} itself. */
    boolean defines(String name) {
        return names.contains(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = classes.remove(name); // defined once; the bytes are not kept
                if (bytes != null) {
                    c = defineClass(name, bytes, 0, bytes.length, domain);
                } else if (peer != null && peer.defines(name)) {
                    c = peer.loadClass(name);
                } else {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    /** No resources of its own: class files given as bytes are not readable as resources. */
    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }

    private static URL location(String name) {
        try {
            return new URL("file:/nnlab-grader/" + name + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Cannot make the code source of the " + name + " classes", e);
        }
    }
}
