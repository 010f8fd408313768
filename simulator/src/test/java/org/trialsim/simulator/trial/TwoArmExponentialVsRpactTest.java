package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * trialsim's operating characteristics for examples/two-arm-exponential.yaml agree with rpact 3.3.4's
 * for the same design: control median 12 months, hazard ratio 0.6, 220 patients accrued evenly over 22
 * months, 1:1, final analysis at 120 events, one-sided α = 0.025. The reference values were produced by
 * (R 4.2, rpact 3.3.4):
 *
 * <pre>
 * args &lt;- list(lambda2 = log(2)/12, hazardRatio = 0.6, directionUpper = FALSE, maxNumberOfSubjects = 220,
 *              accrualTime = c(0, 22))
 * d1 &lt;- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)
 * do.call(getSimulationSurvival, c(list(design = d1, plannedEvents = 120, maxNumberOfIterations = 100000, seed = 1), args))
 *   # overallReject 0.79555, analysisTime 29.44008; with hazardRatio = 1: overallReject 0.02484
 * d3 &lt;- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF")
 *   # criticalValues 3.710303 2.511427 1.993047
 * do.call(getSimulationSurvival, c(list(design = d3, plannedEvents = c(40, 80, 120), maxNumberOfIterations = 100000,
 *                                      seed = 1), args))
 *   # overallReject 0.79036, rejectPerStage 0.01544 0.38975 0.38517, expectedNumberOfEvents 103.1748
 *   # with hazardRatio = 1: overallReject 0.02481, expectedNumberOfEvents 119.7532
 * </pre>
 *
 * Tolerances: 4 standard errors of the difference of the two Monte Carlo estimates (trialsim's with R
 * replicates, rpact's with 100,000), so a correct simulator fails each check with probability 6e-5.
 */
class TwoArmExponentialVsRpactTest {
    private static final int R = 10_000;
    private static final int RPACT_R = 100_000;
    private static final List<Setting> THREE_LOOKS = List.of(
            Setting.parse("design.analysis.informationFractions=[0.3333333333333333, 0.6666666666666666, 1]"),
            Setting.parse("design.analysis.spending=obrien-fleming"));

    private static TrialResult.AnalysisResult run(List<Setting> settings, boolean nullScenario) throws Exception {
        Path file = Path.of("../examples/two-arm-exponential.yaml");
        LoadedProtocol p = new ProtocolReader().read(file, settings);
        return new Simulator().trial(p, new TrialOptions(R, 20261121, 2, nullScenario), Progress.NONE).analyses().get(0);
    }

    private static void agree(double trialsim, double rpact) {
        double se = Math.sqrt(trialsim * (1 - trialsim) / R + rpact * (1 - rpact) / RPACT_R);
        assertThat(trialsim).isCloseTo(rpact, within(4 * se));
    }

    @Test
    void exampleFileExists() {
        assertThat(Files.exists(Path.of("../examples/two-arm-exponential.yaml"))).isTrue();
    }

    @Test
    void fixedDesignPowerAndDuration() throws Exception {
        TrialResult.AnalysisResult a = run(List.of(), false);
        agree(a.rejection().value(), 0.79555);
        assertThat(a.events().mean()).isEqualTo(120);
        // analysis time: rpact 29.44008 months; trialsim's Monte Carlo error on the mean
        assertThat(a.durationMonths().mean()).isCloseTo(29.44008, within(4 * a.durationMonths().standardError() + 0.01));
        assertThat(a.looks().get(0).efficacyBound()).isCloseTo(1.959964, within(1e-5));
    }

    @Test
    void fixedDesignTypeIError() throws Exception {
        agree(run(List.of(), true).rejection().value(), 0.02484);
    }

    @Test
    void threeLookOBrienFlemingDesign() throws Exception {
        TrialResult.AnalysisResult a = run(THREE_LOOKS, false);
        double[] rpactBounds = {3.710303, 2.511427, 1.993047};
        double[] rpactStages = {0.01544, 0.38975, 0.38517};
        for (int k = 0; k < 3; k++) {
            assertThat(a.looks().get(k).efficacyBound()).isCloseTo(rpactBounds[k], within(1e-5));
            agree(a.looks().get(k).stopForEfficacy().value(), rpactStages[k]);
        }
        agree(a.rejection().value(), 0.79036);
        // expected events: each trial stops at 40, 80 or 120 events; rpact's own sd is at most 40, so its
        // standard error is at most 40/√100000
        assertThat(a.events().mean()).isCloseTo(103.1748,
                within(4 * Math.sqrt(Math.pow(a.events().standardError(), 2) + Math.pow(40 / Math.sqrt(RPACT_R), 2))));
    }

    @Test
    void threeLookTypeIError() throws Exception {
        TrialResult.AnalysisResult a = run(THREE_LOOKS, true);
        agree(a.rejection().value(), 0.02481);
        assertThat(a.events().mean()).isCloseTo(119.7532, within(4 * a.events().standardError() + 0.05));
    }
}
