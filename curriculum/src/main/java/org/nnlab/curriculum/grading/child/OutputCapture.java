package org.nnlab.curriculum.grading.child;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what a test prints to {@code System.out} and {@code System.err}, up to a limit.
 *
 * <p>What is printed becomes the test's feedback text and nothing else: the grader never reads
 * scores from it. Past {@value #LIMIT} bytes per test the rest is dropped and counted, so a
 * submission printing forever cannot fill the grader's memory.
 */
final class OutputCapture extends OutputStream {
    static final int LIMIT = 8192;

    private final byte[] buffer = new byte[LIMIT];
    private int size;
    private long dropped;

    /** Replaces {@code System.out} and {@code System.err} by one capture and returns it. */
    static OutputCapture install() {
        OutputCapture capture = new OutputCapture();
        PrintStream stream = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return capture;
    }

    @Override
    public synchronized void write(int b) {
        if (size < LIMIT) {
            buffer[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int keep = Math.max(0, Math.min(len, LIMIT - size));
        System.arraycopy(b, off, buffer, size, keep);
        size += keep;
        dropped += len - keep;
    }

    /** The text collected since the last {@link #take}, which stays collected. */
    synchronized String peek() {
        String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
        return dropped > 0 ? text + "\n… (" + dropped + " more bytes of output dropped)" : text;
    }

    /** Whether anything was written since the last {@link #take}. */
    synchronized boolean isEmpty() {
        return size == 0 && dropped == 0;
    }

    /** The text collected since the last call, then clears it. */
    synchronized String take() {
        String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n… (" + dropped + " more bytes of output dropped)";
        }
        size = 0;
        dropped = 0;
        return text;
    }
}
