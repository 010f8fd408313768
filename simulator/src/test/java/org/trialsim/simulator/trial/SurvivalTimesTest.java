package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trialsim.simulator.analysis.CoxEstimate;
import org.trialsim.simulator.analysis.CoxModel;
import org.trialsim.simulator.analysis.CoxResult;
import org.trialsim.simulator.analysis.KaplanMeier;
import org.trialsim.simulator.analysis.LogRankTest;
import org.trialsim.simulator.analysis.SurvivalData;

/**
 * The data a survival analysis builds at a cut without sorting what comes sorted are the data
 * {@link SurvivalData#of} builds from every patient's time and status: the log-rank test, the Cox fit
 * and the Kaplan–Meier landmark comparison on them agree to the bit; and the Cox estimate alone is the
 * full fit's, to the bit, wherever the estimate is finite, infinite or undefined.
 */
class SurvivalTimesTest {

    @Test
    void dataAtACutAreThoseOfSortingEveryPatient() {
        SplittableRandom random = new SplittableRandom(11);
        SurvivalTimes times = new SurvivalTimes();
        for (int trial = 0; trial < 3000; trial++) {
            int n = random.nextInt(1, 120);
            int strata = trial % 3 == 0 ? 1 + random.nextInt(3) : 1;
            boolean regular = random.nextBoolean();
            boolean dropout = random.nextInt(3) == 0;
            boolean ties = random.nextInt(4) == 0;
            int[] group = new int[n];
            times.resize(n);
            double entry = 0;
            for (int i = 0; i < n; i++) {
                entry += regular ? 3 : random.nextDouble() * 6;
                if (random.nextInt(10) == 0) {
                    times.exclude(i);
                    continue;
                }
                double after = -Math.log(random.nextDouble()) * 200;
                if (ties) {
                    after = Math.ceil(after / 30) * 30;
                }
                double followUp = dropout ? -Math.log(random.nextDouble()) * 400 : 3000 - entry;
                group[i] = 2 * random.nextInt(strata) + random.nextInt(2);
                times.record(i, entry, random.nextInt(8) == 0 ? Double.POSITIVE_INFINITY : after, followUp);
            }
            double cut = random.nextDouble() * (entry + 400);
            SurvivalData fast = times.dataAt(cut, group, strata);
            SurvivalData sorted = everyPatient(times, n, cut, group, strata > 1);
            assertThat(fast.size()).isEqualTo(sorted.size());
            assertThat(fast.strata()).isEqualTo(sorted.strata());
            assertThat(fast.events(0)).isEqualTo(sorted.events(0));
            assertThat(fast.patients(1)).isEqualTo(sorted.patients(1));
            if (sorted.events() > 0) {
                assertThat(LogRankTest.test(fast)).isEqualTo(LogRankTest.test(sorted));
                CoxResult fit = CoxModel.fit(sorted);
                assertThat(CoxModel.fit(fast)).isEqualTo(fit);
                assertThat(CoxModel.estimate(fast)).isEqualTo(new CoxEstimate(fit.logHazardRatio(), fit.standardError()));
                assertThat(CoxModel.estimate(fast).hazardRatioInterval(0.95)).isEqualTo(fit.hazardRatioInterval(0.95));
                assertThat(KaplanMeier.landmarkDifference(fast, 150)).isEqualTo(KaplanMeier.landmarkDifference(sorted, 150));
            }
        }
    }

    /** The data as the analyses built them before: every patient's time and status, sorted by SurvivalData.of. */
    private static SurvivalData everyPatient(SurvivalTimes times, int n, double cut, int[] group, boolean stratified) {
        int m = times.inData(cut);
        double[] time = new double[m];
        boolean[] event = new boolean[m];
        int[] arm = new int[m];
        int[] stratum = new int[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (times.inData(i, cut)) {
                event[j] = times.observedBy(i, cut);
                time[j] = times.timeAt(i, cut, event[j]);
                arm[j] = group[i] % 2;
                stratum[j] = group[i] / 2;
                j++;
            }
        }
        return stratified ? SurvivalData.of(time, event, arm, stratum) : SurvivalData.of(time, event, arm);
    }
}
