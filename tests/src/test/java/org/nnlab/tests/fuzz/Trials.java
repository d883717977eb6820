package org.nnlab.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * Runs fuzz cases of one format and checks each: either it loads, or it throws the format's typed
 * exception with a message; never another exception, and within a bound of allocated memory and of
 * time.
 *
 * <p>The bounds catch a reader that trusts a header (gigabytes allocated) or inflates a bomb
 * (seconds spent); valid inputs here are a few kilobytes and take milliseconds, so the bounds are
 * far above normal and are no speed target. Memory is the bytes the test thread allocates during
 * the case, as the JVM counts them.
 */
final class Trials {
    /** The most bytes one case may allocate. */
    static final long MEMORY_LIMIT = 64L << 20;
    /** The longest one case may take, in milliseconds (a hang or a bomb detector, not a speed target). */
    static final long TIME_LIMIT_MS = 3_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String format;
    private final Class<? extends Throwable> typed;
    private final Set<String> kinds = new TreeSet<>();
    private int loads;
    private int rejections;

    /** Trials of {@code format}, whose typed exception is {@code typed}. */
    Trials(String format, Class<? extends Throwable> typed) {
        this.format = format;
        this.typed = typed;
    }

    /** What a case does: load its input. */
    @FunctionalInterface
    interface Load<T> {
        /** Loads the input, or throws. */
        T load() throws Exception;
    }

    /** Runs case {@code number}, made by {@code mutator}; {@code check} examines a successful load. */
    <T> void run(int number, Mutator mutator, Load<T> load, Consumer<T> check) {
        long memory = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try {
            T value = load.load();
            loads++;
            check.accept(value);
        } catch (AssertionFailedError e) {
            throw e;
        } catch (Throwable e) {
            if (!typed.isInstance(e)) {
                throw new AssertionFailedError(where(number, mutator) + " threw " + e + ", not a "
                        + typed.getSimpleName(), e);
            }
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.endsWith(": null") || message.contains("(null)")) {
                throw new AssertionFailedError(where(number, mutator) + " threw a " + typed.getSimpleName()
                        + " without a message that says what is wrong: " + message, e);
            }
            rejections++;
            kinds.add(kind(e.getMessage()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - memory;
        assertTrue(millis < TIME_LIMIT_MS, () -> where(number, mutator) + " took " + millis + " ms");
        assertTrue(allocated < MEMORY_LIMIT, () -> where(number, mutator) + " allocated " + allocated + " bytes");
    }

    private String where(int number, Mutator mutator) {
        return format + " case " + number + " (" + mutator.describe() + ")";
    }

    /** A message without its source, numbers and quotes: the kind of problem, to count how many kinds were reached. */
    private static String kind(String message) {
        String m = message.substring(message.indexOf(": ") + 1).replaceAll("0x\\p{XDigit}+|\\p{XDigit}{16,}", "X")
                .replaceAll("\\d+", "N").replaceAll("'[^']*'", "'…'");
        return m.substring(0, Math.min(60, m.length()));
    }

    /**
     * Checks the cases reached both outcomes and many distinct problems: a mutator that only ever
     * broke the first check (a checksum, the magic number) would prove little.
     */
    void requireVariety(int minLoads, int minKinds) {
        assertTrue(loads >= minLoads, format + ": only " + loads + " cases loaded (" + rejections + " rejected)");
        assertTrue(kinds.size() >= minKinds, format + ": only " + kinds.size() + " kinds of rejection: " + kinds);
    }
}
