package org.nnlab.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** A child process for {@code AtomicFileTest}: starts a save of {@code args[0]} and never finishes it. */
public final class HangingSave {
    /** The line printed once the temporary file holds some bytes. */
    static final String READY = "writing";

    private HangingSave() {
    }

    /** Writes a few bytes of {@code args[0]}'s new content, says so on stdout, and waits to be killed. */
    public static void main(String[] args) throws IOException {
        AtomicFile.write(Path.of(args[0]), out -> {
            out.write(new byte[] {4, 2});
            out.flush();
            System.out.println(READY);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
