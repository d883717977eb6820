package org.nnlab.core.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * park, so an idle model costs no CPU. The caller works too and takes any chunk no helper has
 * taken, so a busy machine that gives the helpers no core slows a split product by little.
 */
public final class Parallel {
    /** The system property that sets the thread count, e.g. {@code -Dnnlab.threads=2}. */
    public static final String PROPERTY = "nnlab.threads";
    /** One thread unless asked: on a small shared machine a second thread rarely pays at batch 32. */
    public static final int DEFAULT_THREADS = 1;
    /**
     * Batches of at least this many examples are split among the threads: at batch 32 a product takes
     * tens of microseconds, and on a busy machine waiting for a second core costs more than it saves.
     */
    public static final int MIN_SPLIT_BATCH = 128;
    private static final int SPINS = 2_000;

    /** Each thread's share is cut into this many chunks, taken first come, first served. */
    private static final int CHUNKS_PER_THREAD = 4;

    private static volatile int threads = parseThreads(System.getProperty(PROPERTY));
    private static volatile boolean stayAwake;
    private static Helper[] helpers = new Helper[0];
    private static volatile Job current;
    private static final AtomicLong SPLIT_JOBS = new AtomicLong();

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
     * Keeps the helpers spinning between jobs, instead of parking after a short spin, until called
     * with false: for a run of split jobs with serial work between them, such as one training step of
     * a large batch, where a parked helper would miss the start of the next product (waking one takes
     * tens of microseconds). While on, an idle helper yields its core to any other runnable thread
     * instead of parking; off by default.
     */
    public static void stayAwake(boolean on) {
        stayAwake = on;
    }

    /**
     * How many jobs have been split among threads since the JVM started. Work that never splits (a
     * batch below {@value #MIN_SPLIT_BATCH} examples, an update of a small weight matrix) runs the
     * one-thread code whatever {@link #threads()} says; tests read this count to check that it does.
     */
    public static long splitJobs() {
        return SPLIT_JOBS.get();
    }

    /** Whether work over a batch of {@code batch} examples is worth splitting among threads. */
    public static boolean splitsBatch(int batch) {
        return batch >= MIN_SPLIT_BATCH;
    }

    /**
     * Runs {@code task} over {@code [0, n)}: split into {@link #threads()} contiguous ranges when
     * {@code split}, else on the calling thread alone; waits for it.
     */
    public static void forRange(int n, boolean split, RangeTask task) {
        forRange(n, split ? 1 : n, task);
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
        SPLIT_JOBS.incrementAndGet();
        Job job = new Job(task, n, Math.min(n, CHUNKS_PER_THREAD * t));
        Helper[] hs = helpers(t - 1);
        current = job;
        for (int h = 0; h < t - 1; h++) {
            hs[h].wake();
        }
        job.work();
        // Chunks a helper took may still be running; a helper that never woke took none.
        for (int spin = 0; job.done.get() < job.chunks; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        current = null;
        if (job.failure != null) {
            throw job.failure;
        }
    }

    private static Helper[] helpers(int count) {
        if (helpers.length < count) {
            Helper[] grown = java.util.Arrays.copyOf(helpers, count);
            for (int h = helpers.length; h < count; h++) {
                grown[h] = new Helper(h + 1);
            }
            helpers = grown;
        }
        return helpers;
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

    /**
     * One split product: {@code chunks} contiguous ranges of {@code [0, n)}, taken one at a time by
     * whichever thread asks next. The caller takes chunks too, so a helper that the operating system
     * does not schedule in time costs nothing but its share; which thread computes a chunk never
     * changes what it computes.
     */
    private static final class Job {
        private final RangeTask task;
        private final int n;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile RuntimeException failure;

        Job(RangeTask task, int n, int chunks) {
            this.task = task;
            this.n = n;
            this.chunks = chunks;
        }

        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    task.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /** A daemon thread that joins whichever job is current when woken, then spins a while and parks. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        private volatile boolean parked;

        Helper(int index) {
            thread = new Thread(this, "nnlab-kernel-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            Job last = null;
            while (true) {
                Job job = current;
                for (int spin = 0; job == null || job == last; spin++) {
                    if (spin < SPINS) {
                        Thread.onSpinWait();
                    } else if (stayAwake) {
                        // Awake but not greedy: another process that wants this core gets it.
                        Thread.yield();
                    } else {
                        parked = true;
                        if (current == null || current == last) {
                            LockSupport.parkNanos(this, 1_000_000);
                        }
                        parked = false;
                    }
                    job = current;
                }
                job.work();
                last = job;
            }
        }
    }
}
