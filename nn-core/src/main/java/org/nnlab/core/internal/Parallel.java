package org.nnlab.core.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * How many threads nnlab's kernels use, and the persistent helper threads that run their share.
 *
 * <p>The count comes from the system property {@value #PROPERTY} (default {@value #DEFAULT_THREADS})
 * or {@link #setThreads}. Work is split coarsely, into one contiguous range per thread (for example
 * the two halves of a batch), because the products of a small MLP are too small to pay for finer
 * hand-offs. Each output element is always computed by one thread in the same order, so results do
 * not depend on the thread count: same seed → identical weights, with 1 thread or 2.
 *
 * <p>Helpers are daemon threads started on first use. They spin briefly after a task and then
 * park, so an idle model costs no CPU.
 */
public final class Parallel {
    /** The system property that sets the thread count, e.g. {@code -Dnnlab.threads=2}. */
    public static final String PROPERTY = "nnlab.threads";
    /** One thread unless asked: on a small shared machine a second thread rarely pays at batch 32. */
    public static final int DEFAULT_THREADS = 1;
    private static final int SPINS = 20_000;

    private static volatile int threads = parseThreads(System.getProperty(PROPERTY));
    private static Worker[] workers = new Worker[0];

    private Parallel() {
    }

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /** Processes indices {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /** The number of threads kernels use. */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads kernels use from now on.
     *
     * @throws IllegalArgumentException if {@code count} is not between 1 and 64
     */
    public static void setThreads(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("thread count (" + count + ") must be between 1 and 64. Hint: use "
                    + Runtime.getRuntime().availableProcessors() + " (this machine's processors) or fewer.");
        }
        threads = count;
    }

    /**
     * Runs {@code task} over {@code [0, n)}, split into {@link #threads()} contiguous ranges, and waits.
     *
     * <p>With one thread, or when {@code n} is below {@code minPerThread} per thread, the caller runs
     * the whole range itself.
     */
    public static void forRange(int n, int minPerThread, RangeTask task) {
        int t = Math.min(threads, Math.max(1, n / Math.max(1, minPerThread)));
        if (t <= 1) {
            task.run(0, n);
            return;
        }
        runSplit(n, t, task);
    }

    private static synchronized void runSplit(int n, int t, RangeTask task) {
        Worker[] ws = workers(t - 1);
        for (int w = 0; w < t - 1; w++) {
            ws[w].submit(task, (int) ((long) n * (w + 1) / t), (int) ((long) n * (w + 2) / t));
        }
        RuntimeException failure = null;
        try {
            task.run(0, (int) ((long) n / t));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int w = 0; w < t - 1; w++) {
            RuntimeException e = ws[w].await();
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Worker[] workers(int count) {
        if (workers.length < count) {
            Worker[] grown = java.util.Arrays.copyOf(workers, count);
            for (int w = workers.length; w < count; w++) {
                grown[w] = new Worker(w + 1);
            }
            workers = grown;
        }
        return workers;
    }

    private static int parseThreads(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THREADS;
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1 && t <= 64) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("System property " + PROPERTY + " is '" + value
                + "' but must be a whole number between 1 and 64, e.g. -D" + PROPERTY + "=2");
    }

    /** One helper thread: waits for a range, runs it, reports back. */
    private static final class Worker implements Runnable {
        private final Thread thread;
        private volatile Thread caller;
        private volatile long submitted;
        private volatile long finished;
        private volatile boolean waiting;
        private RangeTask task;
        private int from;
        private int to;
        private RuntimeException failure;

        Worker(int index) {
            thread = new Thread(this, "nnlab-kernel-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void submit(RangeTask t, int f, int e) {
            caller = Thread.currentThread();
            task = t;
            from = f;
            to = e;
            failure = null;
            submitted = submitted + 1; // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        RuntimeException await() {
            long target = submitted;
            for (int spin = 0; finished != target; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    waiting = true;
                    if (finished != target) {
                        LockSupport.parkNanos(this, 100_000);
                    }
                    waiting = false;
                }
            }
            task = null;
            return failure;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                for (int spin = 0; submitted == seen; spin++) {
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                }
                seen = submitted;
                try {
                    task.run(from, to);
                } catch (RuntimeException e) {
                    failure = e;
                }
                finished = seen;
                if (waiting) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
