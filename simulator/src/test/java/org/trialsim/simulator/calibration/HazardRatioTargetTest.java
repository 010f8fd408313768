package org.trialsim.simulator.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.Target;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.run.Progress;

/** A hazard-ratio target: read from the cohort's Cox ratio, judged with the interval widened to the trial's n, fitted on the log scale. */
class HazardRatioTargetTest {
    private static final CohortOptions OPTIONS = new CohortOptions(4_000, 11, 2, null);

    private static Target ratio(double value, Double lower, Double upper, int n) {
        return new Target("DFS hazard ratio", Target.Measure.HAZARD_RATIO, "D", "C", null, null, null, null, "dfs", null, null, null, null,
                null, null, null, value, lower, upper, n, "test", null);
    }

    private static CohortResult.HazardRatio simulated(double hazardRatio, double se) {
        return new CohortResult.HazardRatio("dfs", "C", 5000, 2000, 5000, 2500, hazardRatio, Double.NaN, Double.NaN,
                Math.log(hazardRatio), se);
    }

    @Test
    void theIntervalAtNIsTheCohortsWidenedToNPatients() {
        // 10,000 patients in the cohort's fit, 250 in the trial: the standard error grows by √40
        TargetResult r = TargetResult.ofHazardRatio(ratio(0.9, null, null, 250), simulated(0.7, 0.05));
        double half = 1.96 * 0.05 * Math.sqrt(40);
        assertThat(r.simulated()).isCloseTo(0.7, within(1e-12));
        assertThat(r.simulatedLower()).isCloseTo(0.7 * Math.exp(-half), within(1e-12));
        assertThat(r.simulatedUpper()).isCloseTo(0.7 * Math.exp(half), within(1e-12));
        assertThat(r.met()).as("0.9 lies within 0.47–1.05").isTrue();
        assertThat(TargetResult.ofHazardRatio(ratio(1.5, null, null, 250), simulated(0.7, 0.05)).met()).as("1.5 beyond 1.30").isFalse();
        assertThat(TargetResult.ofHazardRatio(ratio(1.5, 0.65, 2.0, 250), simulated(0.7, 0.05)).met())
                .as("the simulated ratio within the published interval").isTrue();
        TargetResult none = TargetResult.ofHazardRatio(ratio(0.7, 0.5, 0.9, 250), null);
        assertThat(none.simulated()).isNull();
        assertThat(none.met()).isFalse();
    }

    @Test
    void aCalibrationReadsTheCohortsRatioOfTheArmAgainstItsControl() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("aall1331");
        Simulator simulator = new Simulator();
        CalibrationResult calibration = simulator.calibrate(p, OPTIONS, Progress.NONE);
        TargetResult dfs = calibration.targets().stream().filter(t -> t.target().measure() == Target.Measure.HAZARD_RATIO).findFirst()
                .orElseThrow();
        CohortResult cohort = simulator.cohort(p, OPTIONS.versus(List.of("C")), Progress.NONE);
        double expected = cohort.arms().get(3).hazardRatios().stream().filter(h -> h.endpoint().equals("dfs")).findFirst().orElseThrow()
                .hazardRatio();
        assertThat(dfs.simulated()).isEqualTo(expected);
        assertThat(Calibration.controls(p.protocol())).containsExactly("C");
    }

    @Test
    void aFitWeighsARatioOnTheLogScaleByItsPublishedInterval() {
        Target t = ratio(0.76, 0.51, 1.14, 255);
        double se = (Math.log(1.14) - Math.log(0.51)) / (2 * 1.96);
        assertThat(Fitting.standardError(t)).isCloseTo(se, within(1e-15));
        TargetResult at = TargetResult.ofHazardRatio(t, simulated(1.14, 0.05));
        double z = (Math.log(1.14) - Math.log(0.76)) / se;
        assertThat(Fitting.distance(new CalibrationResult(null, List.of(at)))).isCloseTo(z * z, within(1e-12));
    }
}
