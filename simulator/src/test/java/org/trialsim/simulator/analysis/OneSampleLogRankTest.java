package org.trialsim.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;

class OneSampleLogRankTest {
    /** Hazard 0.02 on [0, 10), 0.04 on [10, 30), 0.03 after; in R {@code H} below. */
    private static final PiecewiseConstantHazard REFERENCE =
        PiecewiseConstantHazard.of(new double[] {10, 30}, new double[] {0.02, 0.04, 0.03});

    /*
     * R 4.2.2, survival 3.5.3; survdiff with only an offset (the subjects' expected survival) is
     * R's one-sample log-rank test, chisq = (O - E)^2 / E:
     *   H <- function(t) 0.02 * pmin(t, 10) + 0.04 * pmax(0, pmin(t, 30) - 10) + 0.03 * pmax(0, t - 30)
     *   aml2 <- transform(aml, entry = ((seq_len(nrow(aml)) - 1) %% 4) * 5)
     *   s1 <- survdiff(Surv(time, status) ~ offset(exp(-H(time))), data = aml2)
     *   s2 <- survdiff(Surv(time, status) ~ offset(exp(-(H(entry + time) - H(entry)))), data = aml2)
     *   c(s1$obs, s1$exp, s1$chisq, ppois(s1$obs, s1$exp))  # 18, 20.82, 0.381959654178674, 0.315300823703779
     *   c(s2$obs, s2$exp, s2$chisq, ppois(s2$obs, s2$exp))  # 18, 22.61, 0.939942503317116, 0.195913646909507
     */
    @Test
    void matchesSurvdiffOneSample() {
        Datasets.Survival aml = Datasets.aml();
        OneSampleLogRankResult result = OneSampleLogRank.test(aml.time(), aml.event(), REFERENCE);
        assertThat(result.observed()).isEqualTo(18);
        assertThat(result.expected()).isCloseTo(20.82, withinPercentage(1e-11));
        assertThat(result.z() * result.z()).isCloseTo(0.381959654178674, withinPercentage(1e-9));
        assertThat(result.z()).isNegative();
        assertThat(result.pOneSided()).isCloseTo(Normal.cdf(-Math.sqrt(0.381959654178674)), withinPercentage(1e-8));
        assertThat(result.pTwoSided()).isCloseTo(2 * Normal.sf(Math.sqrt(0.381959654178674)), withinPercentage(1e-8));
        assertThat(result.pOneSidedExact()).isCloseTo(0.315300823703779, withinPercentage(1e-9));
        assertThat(result.ratio()).isCloseTo(18 / 20.82, withinPercentage(1e-10));
    }

    @Test
    void delayedEntryMatchesSurvdiffWithConditionalSurvival() {
        Datasets.Survival aml = Datasets.aml();
        double[] entry = new double[aml.time().length];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = (i % 4) * 5;
        }
        OneSampleLogRankResult result = OneSampleLogRank.test(entry, aml.time(), aml.event(), REFERENCE);
        assertThat(result.observed()).isEqualTo(18);
        assertThat(result.expected()).isCloseTo(22.61, withinPercentage(1e-11));
        assertThat(result.z() * result.z()).isCloseTo(0.939942503317116, withinPercentage(1e-9));
        assertThat(result.pOneSidedExact()).isCloseTo(0.195913646909507, withinPercentage(1e-9));
    }

    /*
     * A curve given by survival points, log-linear in between and the last rate carried on:
     *   tt <- c(12, 24, 60); ss <- c(0.7, 0.55, 0.5)
     *   Hs <- approxfun(c(0, tt), -log(c(1, ss))); rlast <- (log(0.55) - log(0.5)) / 36
     *   H2 <- function(t) ifelse(t <= 60, Hs(pmin(t, 60)), -log(0.5) + rlast * (t - 60))
     *   x <- data.frame(time = c(3, 7.5, 12, 18, 30, 45, 59, 61, 80, 100, 2, 24),
     *                   status = c(1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1))
     *   s3 <- survdiff(Surv(time, status) ~ offset(exp(-H2(time))), data = x)
     *   c(s3$obs, s3$exp, s3$chisq, H2(80), H2(18))
     *   # 7, 6.00189997525585, 0.165981383145561, 0.746097280451237, 0.477255972347176
     */
    @Test
    void curveFromSurvivalPointsMatchesR() {
        PiecewiseConstantHazard curve = PiecewiseConstantHazard.fromSurvival(new double[] {12, 24, 60},
            new double[] {0.7, 0.55, 0.5});
        assertThat(curve.survival(12)).isCloseTo(0.7, within(1e-15));
        assertThat(curve.survival(24)).isCloseTo(0.55, within(1e-15));
        assertThat(curve.survival(60)).isCloseTo(0.5, within(1e-15));
        assertThat(curve.cumulativeHazard(80)).isCloseTo(0.746097280451237, withinPercentage(1e-11));
        assertThat(curve.cumulativeHazard(18)).isCloseTo(0.477255972347176, withinPercentage(1e-11));
        double[] time = {3, 7.5, 12, 18, 30, 45, 59, 61, 80, 100, 2, 24};
        boolean[] event = {true, false, true, true, false, true, false, true, false, false, true, true};
        OneSampleLogRankResult result = OneSampleLogRank.test(time, event, curve);
        assertThat(result.observed()).isEqualTo(7);
        assertThat(result.expected()).isCloseTo(6.00189997525585, withinPercentage(1e-11));
        assertThat(result.z() * result.z()).isCloseTo(0.165981383145561, withinPercentage(1e-9));
        assertThat(result.z()).isPositive();
    }

    @Test
    void modifiedStatisticUsesWuVariance() {
        OneSampleLogRankResult result = OneSampleLogRank.of(30, 45.5);
        assertThat(result.z()).isCloseTo((30 - 45.5) / Math.sqrt(45.5), within(1e-14));
        assertThat(result.zModified()).isCloseTo((30 - 45.5) / Math.sqrt((30 + 45.5) / 2), within(1e-14));
        assertThat(result.pOneSidedModified()).isCloseTo(Normal.cdf(result.zModified()), within(1e-16));
        // With fewer events than expected the modified variance is smaller, so the test is less conservative.
        assertThat(result.pOneSidedModified()).isLessThan(result.pOneSided());
    }

    @Test
    void cumulativeHazardAtBreakpointsAndBeyond() {
        assertThat(REFERENCE.cumulativeHazard(0)).isZero();
        assertThat(REFERENCE.cumulativeHazard(10)).isCloseTo(0.2, within(1e-15));
        assertThat(REFERENCE.cumulativeHazard(30)).isCloseTo(1.0, within(1e-15));
        assertThat(REFERENCE.cumulativeHazard(40)).isCloseTo(1.3, within(1e-15));
        assertThat(PiecewiseConstantHazard.of(new double[0], new double[] {0.1}).cumulativeHazard(7)).isCloseTo(0.7, within(1e-15));
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> PiecewiseConstantHazard.of(new double[] {10}, new double[] {0.1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one more");
        assertThatThrownBy(() -> PiecewiseConstantHazard.of(new double[] {10, 5}, new double[] {0.1, 0.1, 0.1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> PiecewiseConstantHazard.of(new double[] {10}, new double[] {0.1, Double.NaN}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates[1]");
        assertThatThrownBy(() -> PiecewiseConstantHazard.fromSurvival(new double[] {1, 2}, new double[] {0.5, 0.6}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("survival[1]");
        assertThatThrownBy(() -> OneSampleLogRank.test(new double[] {1, Double.NaN}, new boolean[2], REFERENCE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time[1]");
        assertThatThrownBy(() -> OneSampleLogRank.test(new double[] {-1, 1}, new double[] {1, 1}, new boolean[2], REFERENCE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry[0]");
        assertThatThrownBy(() -> OneSampleLogRank.test(new double[] {1}, new boolean[2], REFERENCE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    }
}
