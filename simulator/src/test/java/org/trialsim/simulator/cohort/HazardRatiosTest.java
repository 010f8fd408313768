package org.trialsim.simulator.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.analysis.CoxModel;
import org.trialsim.simulator.analysis.CoxResult;
import org.trialsim.simulator.analysis.SurvivalData;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.stats.SurvivalAccumulator;

/** The hazard ratio between arms, fitted to the cohort's per-day counts rather than to its patients. */
class HazardRatiosTest {
    private static final int HORIZON = 1826;

    /**
     * Twenty patients with tied days and a censoring on an event's day. Reference from R 4.2, survival:
     * <pre>
     * d &lt;- data.frame(day = c(3,5,5,8,10,12,12,15,20,20, 4,5,8,9,12,15,18,20,25,30),
     *                 status = c(1,1,0,1,1,1,1,0,1,0, 1,0,1,1,0,1,1,0,1,0), arm = rep(0:1, each = 10))
     * f &lt;- coxph(Surv(day, status) ~ arm, data = d)
     * coef(f); sqrt(vcov(f)); exp(confint(f))
     * # -0.567471070741  0.588885692500  0.178768104423 1.798087639389
     * </pre>
     */
    @Test
    void theFitOfTheDailyCountsIsRsCoxphOfThePatients() {
        SurvivalAccumulator control = SurvivalAccumulator.of(40);
        SurvivalAccumulator arm = SurvivalAccumulator.of(40);
        double[] day = {3, 5, 5, 8, 10, 12, 12, 15, 20, 20, 4, 5, 8, 9, 12, 15, 18, 20, 25, 30};
        int[] status = {1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0};
        for (int i = 0; i < day.length; i++) {
            (i < 10 ? control : arm).add(day[i], status[i]);
        }
        var hr = HazardRatios.of("efs", "A", control, arm);
        assertThat(hr.logHazardRatio()).isCloseTo(-0.567471070741, within(1e-9));
        assertThat(hr.standardError()).isCloseTo(0.588885692500, within(1e-9));
        assertThat(hr.lower()).isCloseTo(0.178768104423, within(1e-9));
        assertThat(hr.upper()).isCloseTo(1.798087639389, within(1e-9));
        assertThat(hr.hazardRatio()).isCloseTo(0.566957422458, within(1e-9));
        assertThat(List.of(hr.patients(), hr.events(), hr.versusPatients(), hr.versusEvents())).containsExactly(10L, 6L, 10L, 7L);
    }

    /**
     * Competing causes, fractional times that share day bins, times at 0 and after the horizon: the fit of
     * the per-day counts is CoxModel's fit of the patients with each time rounded up to its day bin and any
     * cause an event.
     */
    @Test
    void theFitOfTheDailyCountsIsCoxModelsFitOfThePatientsTimesInDayBins() {
        UniformRandomProvider rng = new RandomStreams(20261205).stream(RandomStreams.purpose("hazard-ratios-test"), 0);
        int n = 3000;
        SurvivalAccumulator control = SurvivalAccumulator.of(HORIZON, 2);
        SurvivalAccumulator arm = SurvivalAccumulator.of(HORIZON, 2);
        double[] time = new double[2 * n];
        boolean[] event = new boolean[2 * n];
        int[] group = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            group[i] = i < n ? 0 : 1;
            double t = -Math.log(rng.nextDouble()) * (group[i] == 0 ? 700 : 1000);
            int cause = t > HORIZON ? SurvivalAccumulator.CENSORED : rng.nextInt(3);
            if (i % 97 == 0) {
                t = 0;
                cause = 1;
            }
            (group[i] == 0 ? control : arm).add(t, cause);
            time[i] = t > HORIZON ? HORIZON + 1 : SurvivalAccumulator.dayBin(t);
            event[i] = cause != SurvivalAccumulator.CENSORED;
        }
        CoxResult direct = CoxModel.fit(SurvivalData.of(time, event, group));
        var hr = HazardRatios.of("efs", "A", control, arm);
        assertThat(hr.logHazardRatio()).isCloseTo(direct.logHazardRatio(), within(1e-12));
        assertThat(hr.standardError()).isCloseTo(direct.standardError(), within(1e-12));
        assertThat(hr.logHazardRatio()).as("the slower arm has the lower hazard").isCloseTo(Math.log(0.7), within(0.1));
    }

    /** A cohort reports each arm's ratio against the control asked for, and none for the control itself. */
    @Test
    void aCohortReportsEveryOtherArmAgainstTheControl() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("aall1331");
        CohortResult r = new Simulator().cohort(p, new CohortOptions(3000, 3, 2, null).versus(List.of("C")), Progress.NONE);
        assertThat(r.arms().get(2).hazardRatios()).isNull();
        var d = r.arms().get(3).hazardRatios();
        assertThat(d).extracting(CohortResult.HazardRatio::versus).containsOnly("C");
        var dfs = d.stream().filter(h -> h.endpoint().equals("dfs")).findFirst().orElseThrow();
        assertThat(dfs.patients()).isEqualTo(r.arms().get(3).endpoints().stream().filter(e -> e.endpoint().equals("dfs")).findFirst()
                .orElseThrow().patients());
        assertThat(dfs.lower()).isLessThan(dfs.hazardRatio());
        assertThat(dfs.upper()).isGreaterThan(dfs.hazardRatio());
        assertThat(new Simulator().cohort(p, new CohortOptions(300, 3, 2, null), Progress.NONE).arms().get(3).hazardRatios())
                .as("only when asked").isNull();
    }
}
