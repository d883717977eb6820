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
 *
 * <p>On a terminal each line fits its width ({@link TerminalWidth}: the terminal's, {@code COLUMNS},
 * or 80), as tqdm's do and Keras's do not: a line that would wrap, and so break the in-place
 * redraw, first gets a shorter bar (down to {@value #MIN_WIDTH} cells) and then drops metrics
 * from the end.
 */
final class ProgressBar {
    static final int WIDTH = 30;
    static final int MIN_WIDTH = 10;
    static final long REDRAW_INTERVAL_MS = 50;

    private final PrintStream out;
    private final Verbosity mode;
    private final int epochs;
    private final int steps;
    private long epochStart;
    private long lastDraw;
    private int lastLineLength;
    private final int columns;

    ProgressBar(PrintStream out, Verbosity verbosity, int epochs, int steps) {
        this.out = out;
        this.mode = verbosity == Verbosity.AUTO
                ? (System.console() != null ? Verbosity.PROGRESS_BAR : Verbosity.EPOCH_LINES)
                : verbosity;
        this.columns = mode == Verbosity.PROGRESS_BAR ? TerminalWidth.detect() : Integer.MAX_VALUE;
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
        String line = fit(step, steps, " - ETA: " + formatEta(eta), logs, columns);
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
        String line = fit(steps, steps, " - " + Math.round(elapsed) + "s " + formatPerStep(elapsed / Math.max(1, steps)),
                logs, columns);
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

    /**
     * The progress line in at most {@code columns − 1} characters (the last column would wrap on some
     * terminals): Keras's full line if it fits, else a shorter bar, else fewer metrics.
     */
    static String fit(int current, int target, String timing, Map<String, Double> logs, int columns) {
        String full = bar(current, target, WIDTH) + timing + formatLogs(logs);
        int limit = columns - 1;
        if (full.length() <= limit) {
            return full;
        }
        Map<String, Double> kept = new java.util.LinkedHashMap<>(logs);
        while (true) {
            String rest = timing + formatLogs(kept);
            int room = WIDTH - (bar(current, target, WIDTH).length() + rest.length() - limit);
            if (room >= MIN_WIDTH || kept.isEmpty()) {
                String line = bar(current, target, Math.max(MIN_WIDTH, Math.min(WIDTH, room))) + rest;
                return line.length() <= limit ? line : line.substring(0, Math.max(0, limit));
            }
            String last = null;
            for (String k : kept.keySet()) {
                last = k;
            }
            kept.remove(last);
        }
    }

    /** {@code  32/1875 [>.............................]}, as Keras draws it. */
    static String bar(int current, int target) {
        return bar(current, target, WIDTH);
    }

    /** The bar with {@code width} cells. */
    static String bar(int current, int target, int width) {
        int digits = String.valueOf(target).length();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        int filled = target == 0 ? width : (int) ((long) width * current / target);
        if (filled > 0) {
            sb.append("=".repeat(filled - 1)).append(current < target ? '>' : '=');
        }
        sb.append(".".repeat(width - filled)).append(']');
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
