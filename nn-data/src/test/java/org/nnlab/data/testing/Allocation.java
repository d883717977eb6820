package org.nnlab.data.testing;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes the current thread allocates, so a test can bound a reader's memory. */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** Something to measure, which may throw. */
    @FunctionalInterface
    public interface Action {
        /** Runs the action. */
        void run() throws Exception;
    }

    /** The bytes {@code action} allocated on this thread; what it throws is passed to {@code thrown}. */
    public static long bytes(Action action, java.util.function.Consumer<Exception> thrown) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            action.run();
        } catch (Exception e) {
            thrown.accept(e);
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
