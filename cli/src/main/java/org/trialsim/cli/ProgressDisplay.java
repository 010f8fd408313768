package org.trialsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.trialsim.simulator.run.Progress;

/**
 * A progress bar with an ETA on standard error, shown only when standard error is a terminal and
 * only once a run has taken more than two seconds; otherwise it prints nothing.
 */
final class ProgressDisplay implements Progress, AutoCloseable {
    private static final long DELAY_NANOS = 2_000_000_000L;

    private final String task;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private boolean closed;

    ProgressDisplay(String task, boolean enabled) {
        this.task = task;
        this.enabled = enabled && stderrIsTerminal();
    }

    @Override
    public synchronized void update(long done, long total) {
        if (!enabled || closed) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - start < DELAY_NANOS || done >= total) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (bar != null) {
            bar.close();
        }
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 points at a tty). */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }
}
