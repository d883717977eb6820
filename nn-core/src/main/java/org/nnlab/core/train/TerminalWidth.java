package org.nnlab.core.train;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the progress bar may use: the terminal's width (asked with {@code stty size}
 * when the JVM has a console), else the {@code COLUMNS} environment variable, else
 * {@value #DEFAULT}, the width a terminal opens with.
 */
final class TerminalWidth {
    static final int DEFAULT = 80;
    private static final int MIN = 20;

    private TerminalWidth() {
    }

    static int detect() {
        if (System.console() != null) {
            int w = stty();
            if (w > 0) {
                return Math.max(MIN, w);
            }
        }
        return fromColumns(System.getenv("COLUMNS"));
    }

    /** The width {@code COLUMNS} gives, or {@value #DEFAULT} if it is unset or not a positive number. */
    static int fromColumns(String columns) {
        try {
            int w = columns == null ? -1 : Integer.parseInt(columns.trim());
            return w > 0 ? Math.max(MIN, w) : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /** {@code stty size} on the controlling terminal prints "rows cols"; -1 if that fails. */
    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectErrorStream(true).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroy();
                return -1;
            }
            String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return p.exitValue() == 0 && parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (Exception e) {
            // No stty, no terminal, or an answer that is not "rows cols": fall back to COLUMNS.
            return -1;
        }
    }
}
