package org.trialsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress when standard error is not a terminal: a plain line at most every interval, on a clock the test moves. */
class ProgressDisplayTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long G = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1234 * SECOND);
    private final StringWriter err = new StringWriter();

    private ProgressDisplay display(ProgressDisplay.Mode mode) {
        return new ProgressDisplay("simulating", "patients", mode, new PrintWriter(err, true), now::get,
                ProgressDisplay.LINE_INTERVAL_NANOS);
    }

    private void at(long seconds) {
        now.set(1234 * SECOND + seconds * SECOND);
    }

    @Test
    void aLongRunPrintsALineAfterTenSecondsAndThenAtMostEveryTenSeconds() {
        try (ProgressDisplay progress = display(ProgressDisplay.Mode.LINES)) {
            at(5);
            progress.update(G / 4, 2 * G);
            at(10);
            progress.update(G / 2, 2 * G);
            at(15);
            progress.update(3 * G / 4, 2 * G);
            at(19);
            progress.update(G, 2 * G);
            at(20);
            progress.update(G, 2 * G);
            at(240);
            progress.update(7 * G / 5, 2 * G);
            at(250);
            progress.update(2 * G, 2 * G);
        }

        assertThat(err.toString().lines()).containsExactly(
                "trialsim: simulating: 25% (500,000,000 of 2,000,000,000 patients), about 30 s left",
                "trialsim: simulating: 50% (1,000,000,000 of 2,000,000,000 patients), about 20 s left",
                "trialsim: simulating: 70% (1,400,000,000 of 2,000,000,000 patients), about 2 min left");
    }

    @Test
    void aRunShorterThanTenSecondsPrintsNothing() {
        try (ProgressDisplay progress = display(ProgressDisplay.Mode.LINES)) {
            for (int s = 0; s <= 9; s++) {
                at(s);
                progress.update(s * 100L, 1000);
            }
            at(12);
            progress.update(1000, 1000);
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void quietPrintsNothingHoweverLongTheRun() {
        try (ProgressDisplay progress = display(ProgressDisplay.Mode.NONE)) {
            for (int s = 0; s <= 100; s += 10) {
                at(s);
                progress.update(s, 1000);
            }
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void nothingIsPrintedAfterClose() {
        ProgressDisplay progress = display(ProgressDisplay.Mode.LINES);
        progress.close();
        at(60);
        progress.update(1, 2);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noEstimateBeforeAnythingIsDone() {
        assertThat(display(ProgressDisplay.Mode.LINES).line(0, 2000, 30 * SECOND))
                .isEqualTo("trialsim: simulating: 0% (0 of 2,000 patients)");
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource({"0.2, 1 s", "40.4, 40 s", "59.4, 59 s", "59.6, 1 min", "240, 4 min", "3569, 59 min", "3600, 1 h", "7500, 2 h 5 min",
            "360000, 100 h"})
    void timeLeftIsReadable(double seconds, String text) {
        assertThat(ProgressDisplay.duration(seconds)).isEqualTo(text);
    }

    @Test
    void quietIsAnOptionOfTheCommandsThatShowProgress() {
        Cli simulate = Cli.run("simulate", "aall1121", "-n", "200", "--quiet");
        Cli trial = Cli.run("trial", "aall1331", "-r", "20", "-q");

        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.err()).isEmpty();
        assertThat(trial.exitCode()).as(trial.err()).isZero();
        assertThat(trial.err()).isEmpty();
    }
}
