package org.nnlab.curriculum.lecture;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * IPython's {@code %timeit}: the loop count is the first power of ten whose loops take at least
 * 0.2 s, then {@value #RUNS} runs of that many loops are timed, and the result reads
 * {@code 332 ms ± 110 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)} (mean and population
 * standard deviation of the per-loop times, three significant digits).
 */
record Timeit(double meanSeconds, double stdSeconds, int runs, long loops) {
    static final int RUNS = 7;
    static final double MIN_SECONDS = 0.2;

    /** Times {@code work} as {@code %timeit work()} does. */
    static Timeit of(Runnable work) {
        long loops = 1;
        for (int index = 0; index < 10; index++) {
            loops = (long) Math.pow(10, index);
            if (seconds(work, loops) >= MIN_SECONDS) {
                break;
            }
        }
        double[] perLoop = new double[RUNS];
        double mean = 0;
        for (int r = 0; r < RUNS; r++) {
            perLoop[r] = seconds(work, loops) / loops;
            mean += perLoop[r] / RUNS;
        }
        double var = 0;
        for (double t : perLoop) {
            var += (t - mean) * (t - mean) / RUNS;
        }
        return new Timeit(mean, Math.sqrt(var), RUNS, loops);
    }

    private static double seconds(Runnable work, long loops) {
        long t0 = System.nanoTime();
        for (long i = 0; i < loops; i++) {
            work.run();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** IPython's line, e.g. {@code 1.23 µs ± 45.6 ns per loop (mean ± std. dev. of 7 runs, 1,000,000 loops each)}. */
    @Override
    public String toString() {
        return format(meanSeconds) + " ± " + format(stdSeconds) + " per loop (mean ± std. dev. of " + runs + " run"
                + (runs == 1 ? "" : "s") + ", " + String.format(java.util.Locale.ROOT, "%,d", loops) + " loop"
                + (loops == 1 ? "" : "s") + " each)";
    }

    /** IPython's {@code _format_time}: s, ms, µs or ns with three significant digits, as {@code %.3g}. */
    static String format(double seconds) {
        String[] units = {"s", "ms", "µs", "ns"};
        int order = seconds > 0 ? Math.max(0, Math.min(-(int) Math.floor(Math.floor(Math.log10(seconds)) / 3), 3)) : 3;
        double scaled = seconds * Math.pow(1000, order);
        String digits = new BigDecimal(scaled).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return digits + " " + units[order];
    }
}
