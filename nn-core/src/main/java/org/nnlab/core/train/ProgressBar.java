package org.nnlab.core.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints training progress in Keras's format.
 *
 * <pre>
 * Epoch 1/5
 * 1875/1875 [==============================] - 3s 1ms/step - loss: 0.2950 - accuracy: 0.9147
 * </pre>
 * In {@link Verbosity#PROGRESS_BAR} mode the bar is redrawn in place with a carriage return at
 * most every {@value #REDRAW_INTERVAL_MS} ms and shows an ETA; in {@link Verbosity#EPOCH_LINES}
 * mode only the finished line of each epoch is printed, so logs stay clean.
 */
final class ProgressBar {
    static final int WIDTH = 30;
    static final long REDRAW_INTERVAL_MS = 50;

    private final PrintStream out;
    private final Verbosity mode;
    private final int epochs;
    private final int steps;
    private long epochStart;
    private long lastDraw;
    private int lastLineLength;

    ProgressBar(PrintStream out, Verbosity verbosity, int epochs, int steps) {
        this.out = out;
        this.mode = verbosity == Verbosity.AUTO
                ? (System.console() != null ? Verbosity.PROGRESS_BAR : Verbosity.EPOCH_LINES)
                : verbosity;
        this.epochs = epochs;
        this.steps = steps;
    }

    void epochBegin(int epoch) {
        if (mode == Verbosity.SILENT) {
            return;
        }
        out.println("Epoch " + (epoch + 1) + "/" + epochs);
        start();
    }

    /** Starts timing a pass without an "Epoch" header, as Keras's evaluate prints it. */
    void start() {
        epochStart = System.nanoTime();
        lastDraw = 0;
        lastLineLength = 0;
    }

    void batchEnd(int step, Map<String, Double> logs) {
        if (mode != Verbosity.PROGRESS_BAR || step >= steps) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_INTERVAL_MS * 1_000_000L) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = elapsed / step * (steps - step);
        String line = bar(step, steps) + " - ETA: " + formatEta(eta) + formatLogs(logs);
        int pad = Math.max(0, lastLineLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLineLength = line.length();
    }

    void epochEnd(Map<String, Double> logs) {
        if (mode == Verbosity.SILENT) {
            return;
        }
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        String line = bar(steps, steps) + " - " + Math.round(elapsed) + "s " + formatPerStep(elapsed / Math.max(1, steps))
                + formatLogs(logs);
        if (mode == Verbosity.PROGRESS_BAR) {
            int pad = Math.max(0, lastLineLength - line.length());
            out.print("\r" + line + " ".repeat(pad) + System.lineSeparator());
        } else {
            out.println(line);
        }
        out.flush();
    }

    void message(String text) {
        if (mode != Verbosity.SILENT) {
            out.println(text);
        }
    }

    /** {@code  32/1875 [>.............................]}, as Keras draws it. */
    static String bar(int current, int target) {
        int digits = String.valueOf(target).length();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        int filled = target == 0 ? WIDTH : (int) ((long) WIDTH * current / target);
        if (filled > 0) {
            sb.append("=".repeat(filled - 1)).append(current < target ? '>' : '=');
        }
        sb.append(".".repeat(WIDTH - filled)).append(']');
        return sb.toString();
    }

    static String formatLogs(Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            sb.append(" - ").append(e.getKey()).append(": ").append(formatValue(e.getValue()));
        }
        return sb.toString();
    }

    /** Four decimals as Keras prints, or scientific notation for tiny values. */
    static String formatValue(double v) {
        return Math.abs(v) >= 1e-3 || v == 0 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v);
    }

    static String formatPerStep(double seconds) {
        if (seconds >= 1) {
            return Math.round(seconds) + "s/step";
        }
        if (seconds >= 1e-3) {
            return Math.round(seconds * 1e3) + "ms/step";
        }
        return Math.round(seconds * 1e6) + "us/step";
    }

    static String formatEta(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return s + "s";
    }
}
