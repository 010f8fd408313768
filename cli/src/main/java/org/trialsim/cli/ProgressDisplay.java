package org.trialsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.trialsim.simulator.run.Progress;

/**
 * The progress of a long run on standard error. On a terminal: a progress bar with an ETA once the run
 * has taken more than two seconds. Otherwise (a log file, a pipe, a batch job): a plain line such as
 * {@code trialsim: simulating: 35% (700,000,000 of 2,000,000,000 patients), about 4 min left} once the
 * run has taken ten seconds, and then at most every ten seconds, so that a long run is never silent
 * and a log is not flooded. {@code --quiet} shows neither.
 */
final class ProgressDisplay implements Progress, AutoCloseable {
    /** How progress is shown. */
    enum Mode {
        /** Not at all (--quiet). */
        NONE,
        /** A progress bar, redrawn in place: standard error is a terminal. */
        BAR,
        /** A line at most every {@link #LINE_INTERVAL_NANOS}: standard error is a file or a pipe. */
        LINES
    }

    /** A bar appears once a run has taken this long. */
    static final long BAR_DELAY_NANOS = 2_000_000_000L;
    /** A line is printed once a run has taken this long, and then at most this often. */
    static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final String task;
    private final String unit;
    private final Mode mode;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long lineInterval;
    private final long start;
    private long lastLine;
    private ProgressBar bar;
    private boolean closed;

    /**
     * A display; {@link #of} chooses the mode from standard error.
     *
     * @param task         what is being done, e.g. "simulating"
     * @param unit         what is counted, plural, e.g. "patients"
     * @param err          where lines go
     * @param clock        nanoseconds, e.g. {@code System::nanoTime}
     * @param lineInterval the nanoseconds before the first line and between lines
     */
    ProgressDisplay(String task, String unit, Mode mode, PrintWriter err, LongSupplier clock, long lineInterval) {
        this.task = task;
        this.unit = unit;
        this.mode = mode;
        this.err = err;
        this.clock = clock;
        this.lineInterval = lineInterval;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** A display of the task on the command's standard error: a bar on a terminal, lines elsewhere, nothing if quiet. */
    static ProgressDisplay of(String task, String unit, boolean quiet, PrintWriter err) {
        Mode mode = quiet ? Mode.NONE : stderrIsTerminal() ? Mode.BAR : Mode.LINES;
        return new ProgressDisplay(task, unit, mode, err, System::nanoTime, LINE_INTERVAL_NANOS);
    }

    @Override
    public synchronized void update(long done, long total) {
        if (closed || mode == Mode.NONE) {
            return;
        }
        long now = clock.getAsLong();
        if (mode == Mode.LINES) {
            if (now - lastLine >= lineInterval && done < total) {
                lastLine = now;
                err.println(line(done, total, now - start));
                err.flush();
            }
            return;
        }
        if (bar == null) {
            if (now - start < BAR_DELAY_NANOS || done >= total) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
        bar.stepTo(done);
    }

    /** The line for {@code done} of {@code total} after {@code elapsed} nanoseconds. */
    String line(long done, long total, long elapsed) {
        String line = String.format(Locale.ROOT, "trialsim: %s: %d%% (%,d of %,d %s)", task, percent(done, total), done, total, unit);
        if (done > 0) {
            double left = elapsed / 1e9 * (total - done) / done;
            line += ", about " + duration(left) + " left";
        }
        return line;
    }

    private static long percent(long done, long total) {
        // done and total are at most 10^11 (patients times arms), so 100 * done does not overflow
        return total <= 0 ? 0 : 100 * done / total;
    }

    /** A duration as a person reads it: 40 s, 4 min, 2 h 5 min. */
    static String duration(double seconds) {
        long s = Math.max(1, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return String.format(Locale.ROOT, "%,d h", hours) + (rest == 0 ? "" : " " + rest + " min");
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
