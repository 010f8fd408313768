package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/** The first events a data cut counts, from the per-day counts, against counting patient by patient. */
class DataCutsTest {
    private static final int HORIZON = 3653;

    @Test
    void theCountIsEachPatientsChanceThatTheFollowUpReachesTheEvent() {
        FollowUpWindow window = new FollowUpWindow(12, 24);
        SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON, 2);
        acc.add(100.5, 1);   // bin 101, before the shortest follow-up (365.25 days): always seen
        acc.add(548, 1);     // halfway between 365.25 and 730.5 days: seen half the time
        acc.add(800, 1);     // after the longest: never seen
        acc.add(400, 2);     // the other cause
        acc.add(HORIZON, SurvivalAccumulator.CENSORED);
        var relapse = DataCuts.event("relapse", window, acc, 1, acc.count());
        double half = (730.5 - 548) / (730.5 - 365.25);
        assertThat(relapse.count()).isCloseTo(1 + half, within(1e-12));
        assertThat(relapse.share()).isCloseTo((1 + half) / 5, within(1e-12));
        // the standard error of the mean of the per-patient values 1, half, 0, 0, 0
        double mean = (1 + half) / 5;
        double second = (1 + half * half) / 5;
        assertThat(relapse.standardError()).isCloseTo(Math.sqrt((second - mean * mean) / 5), within(1e-12));
        assertThat(DataCuts.event("death", window, acc, 2, acc.count()).count())
                .isCloseTo((730.5 - 400) / (730.5 - 365.25), within(1e-12));
    }

    /**
     * Drawing each patient's follow-up uniformly and counting the events seen gives the same share within
     * its Monte Carlo error: 20,000 patients, a tolerance of 4.5 standard errors of the difference (false
     * failure chance below 1e-5).
     */
    @Test
    void drawingTheFollowUpOfEachPatientAgreesWithinItsError() {
        RandomStreams streams = new RandomStreams(20261205);
        UniformRandomProvider rng = streams.stream(RandomStreams.purpose("data-cuts-test"), 0);
        FollowUpWindow window = new FollowUpWindow(6, 44.8);
        SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON, 2);
        int n = 20_000;
        long seen = 0;
        for (int i = 0; i < n; i++) {
            double t = -Math.log(rng.nextDouble()) * 900;
            int cause = rng.nextDouble() < 0.7 ? 1 : 2;
            acc.add(t, t > HORIZON ? SurvivalAccumulator.CENSORED : cause);
            double followUp = (6 + rng.nextDouble() * (44.8 - 6)) * TimeUnits.DAYS_PER_MONTH;
            if (t <= HORIZON && cause == 1 && SurvivalAccumulator.dayBin(t) <= followUp) {
                seen++;
            }
        }
        var relapse = DataCuts.event("relapse", window, acc, 1, n);
        double drawn = (double) seen / n;
        double se = Math.sqrt(drawn * (1 - drawn) / n + relapse.standardError() * relapse.standardError());
        assertThat(relapse.share()).isCloseTo(drawn, within(4.5 * se));
    }

    @Test
    void aWindowIsTwoMonthsShortestFirstWithinACentury() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpWindow(24, 12)).withMessageContaining("longest");
        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpWindow(-1, 12)).withMessageContaining("shortest");
        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpWindow(0, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new FollowUpWindow(0, 1201));
        assertThat(new FollowUpWindow(36, 36).reaches(1095)).isEqualTo(1);
        assertThat(new FollowUpWindow(36, 36).reaches(1096)).isEqualTo(0);
    }
}
