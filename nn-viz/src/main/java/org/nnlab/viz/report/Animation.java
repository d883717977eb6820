package org.nnlab.viz.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nnlab.core.io.AtomicFile;
import org.nnlab.viz.plot.Figure;

/**
 * Figures shown one after another, played and stepped through in any browser: frame buttons, a
 * slider, play/pause and the arrow keys.
 *
 * <p>{@link #toHtml()} is one self-contained page (inline SVG, inline style sheet and script, no
 * network); {@link Report#animation} puts it into a report. Without JavaScript the page shows the
 * last frame. The page opens at the last frame, or at frame k (0-based) of every animation on it
 * when its address ends in {@code #frame=k}. Each frame holds one or more panels (figures side by
 * side), e.g. the same view of two models trained alike.
 */
public final class Animation {
    private final String title;
    private final List<Frame> frames;

    /** One frame: a label such as {@code "epoch 3, step 90"} and its figures, left to right. */
    public record Frame(String label, List<Figure> panels) {
        /** @throws IllegalArgumentException for a frame with no figure */
        public Frame {
            Objects.requireNonNull(label, "label");
            panels = List.copyOf(panels);
            if (panels.isEmpty()) {
                throw new IllegalArgumentException("Animation frame '" + label + "' has no figure; expected at least one");
            }
        }
    }

    private Animation(String title, List<Frame> frames) {
        this.title = title;
        this.frames = frames;
    }

    /**
     * An animation of {@code frames}, in order.
     *
     * @throws IllegalArgumentException if there are no frames
     */
    public static Animation of(String title, List<Frame> frames) {
        Objects.requireNonNull(title, "title");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("Animation '" + title + "' has no frames; expected at least one."
                    + " Hint: a training movie records a frame when training begins, so fit the model first.");
        }
        return new Animation(title, List.copyOf(frames));
    }

    /** The title, shown above the frames. */
    public String title() {
        return title;
    }

    /** The frames, in order. */
    public List<Frame> frames() {
        return frames;
    }

    /** The animation alone as one self-contained HTML5 page. */
    public String toHtml() {
        return Html.page(title, List.of(new Html.AnimationBlock(this, null)));
    }

    /**
     * Writes {@link #toHtml()} to {@code file} atomically, creating folders.
     *
     * @throws IOException naming the file if it cannot be written
     */
    public void writeTo(Path file) throws IOException {
        AtomicFile.writeString(file, toHtml());
    }
}
