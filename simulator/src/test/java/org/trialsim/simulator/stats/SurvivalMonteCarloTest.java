package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialsim.protocol.TimeUnits;
import org.trialsim.simulator.random.RandomStreams;

/**
 * The estimators on simulated cohorts with known curves: exponential times to relapse (10% a year) and
 * death in remission (3% a year), accrual uniform over 3 years and analysis 5 years after the first
 * patient, so follow-up is 2 to 5 years. Event-free survival is {@code S(t) = exp(−λt)} with
 * {@code λ = λ₁ + λ₂}, and the cumulative incidence of cause {@code k} is {@code (λ_k/λ)(1 − S(t))}.
 *
 * <p>The estimate at a landmark {@code t} counts the events in day bins up to {@code floor(t)}, that is
 * at times up to {@code floor(t)}, so it is compared with the true curve at {@code floor(t)}. The one
 * bias of binning (a patient censored earlier in the day of an event counts as at risk for it) is of
 * order λ/365 of the censored fraction per day, far below the tolerances here. Seeds are fixed, so the
 * tests are deterministic; the false-failure chances below are for an arbitrary seed.
 */
class SurvivalMonteCarloTest {
    private static final double YEAR = TimeUnits.DAYS_PER_YEAR;
    private static final double RELAPSE = 0.10 / YEAR;
    private static final double DEATH = 0.03 / YEAR;
    private static final double ANY = RELAPSE + DEATH;
    private static final int HORIZON = 1827;
    private static final RandomStreams STREAMS = new RandomStreams(1331);
    private static final long COHORT = RandomStreams.purpose("stats-test:exponential-cohort");

    private static SurvivalAccumulator cohort(UniformRandomProvider rng, int n) {
        ZigguratSampler.Exponential relapse = ZigguratSampler.Exponential.of(rng, 1 / RELAPSE);
        ZigguratSampler.Exponential death = ZigguratSampler.Exponential.of(rng, 1 / DEATH);
        SurvivalAccumulator acc = SurvivalAccumulator.of(HORIZON, 2);
        for (int i = 0; i < n; i++) {
            double r = relapse.sample();
            double d = death.sample();
            double censoring = 5 * YEAR - 3 * YEAR * rng.nextDouble();
            double t = Math.min(r, d);
            if (censoring < t) {
                acc.add(censoring, SurvivalAccumulator.CENSORED);
            } else {
                acc.add(t, r <= d ? 1 : 2);
            }
        }
        return acc;
    }

    private static double survival(double t) {
        return Math.exp(-ANY * Math.floor(t));
    }

    private static double incidence(int cause, double t) {
        return (cause == 1 ? RELAPSE : DEATH) / ANY * (1 - survival(t));
    }

    @ParameterizedTest(name = "{0} years")
    @ValueSource(doubles = {1, 2, 3, 4})
    void largeCohortEstimatesAreWithinFourStandardErrorsOfTheTruth(double years) {
        // 20,000 patients: the estimators are close to normal. Each check fails with chance 6.3e-5
        // (|Z| > 4); by the union bound, the 12 checks over the four landmarks fail with chance < 8e-4.
        SurvivalAccumulator acc = cohort(STREAMS.stream(COHORT, 0), 20_000);
        double t = years * YEAR;
        CurvePoint s = acc.kaplanMeier().at(t);
        CurvePoint relapse = acc.cumulativeIncidence(1).at(t);
        CurvePoint death = acc.cumulativeIncidence(2).at(t);
        assertThat(Math.abs(s.estimate() - survival(t))).as("EFS").isLessThan(4 * s.standardError());
        assertThat(Math.abs(relapse.estimate() - incidence(1, t))).as("relapse").isLessThan(4 * relapse.standardError());
        assertThat(Math.abs(death.estimate() - incidence(2, t))).as("death").isLessThan(4 * death.standardError());
        // The standard errors are those of a cohort this size, not degenerate: sqrt(S(1 − S)/n) without
        // censoring (before 2 years), somewhat more with it.
        double binomial = Math.sqrt(survival(t) * (1 - survival(t)) / 20_000);
        assertThat(s.standardError()).isBetween(0.95 * binomial, 1.5 * binomial);
    }

    @Test
    void logLogIntervalsCoverTheTruthAtTheNominalRate() {
        // 4,000 trials of 100 patients; 95% intervals at 2 years. In 40,000 trials (another seed) the
        // coverage of this design was 94.4% for EFS and 95.3% for relapse incidence. Over 4,000 trials the
        // observed rates have sd 0.0036 and 0.0034, so the band [0.93, 0.97] is 3.9 sd from the first
        // (false failure 6e-5) and 5.1 sd from the second (< 1e-6). A standard error 20% too large gives
        // coverage 97.8%, 20% too small about 89%; both fall outside the band.
        int trials = 4000;
        double t = 2 * YEAR;
        int survivalCovered = 0;
        int incidenceCovered = 0;
        for (int i = 0; i < trials; i++) {
            SurvivalAccumulator acc = cohort(STREAMS.stream(COHORT, 1, i), 100);
            survivalCovered += acc.kaplanMeier().at(t).interval().contains(survival(t)) ? 1 : 0;
            incidenceCovered += acc.cumulativeIncidence(1).at(t).interval().contains(incidence(1, t)) ? 1 : 0;
        }
        assertThat((double) survivalCovered / trials).as("EFS coverage").isBetween(0.93, 0.97);
        assertThat((double) incidenceCovered / trials).as("relapse coverage").isBetween(0.93, 0.97);
    }
}
