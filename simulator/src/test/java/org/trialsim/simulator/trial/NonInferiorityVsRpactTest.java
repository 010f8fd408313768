package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * A non-inferiority trial with a hazard-ratio margin of 1.3, simulated whole (pathway, accrual, permuted
 * blocks, event-driven cuts, the log-rank test at θ₀ = 1.3, and for --null the experimental arm's hazard
 * set to 1.3 times the control's), agrees with rpact 3.3.4's {@code getSimulationSurvival(thetaH0 = 1.3)}:
 * examples/two-arm-exponential.yaml (control median 12 months) with 600 patients over 24 months, the
 * experimental arm truly as good as control (hazard ratio 1), the final analysis at 300 events, fixed or
 * with three O'Brien–Fleming looks at 100, 200 and 300 events. R 4.2.2:
 *
 * <pre>
 * args &lt;- list(lambda2 = log(2)/12, directionUpper = FALSE, maxNumberOfSubjects = 600, accrualTime = c(0, 24),
 *              thetaH0 = 1.3)
 * d1 &lt;- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)
 * d3 &lt;- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF")
 * do.call(getSimulationSurvival, c(list(design = d1, plannedEvents = 300, hazardRatio = hr,
 *                                      maxNumberOfIterations = 100000, seed = 1), args))
 *   # hr = 1:   overallReject 0.62548, analysisTime 25.37513
 *   # hr = 1.3: overallReject 0.02547
 * do.call(getSimulationSurvival, c(list(design = d3, plannedEvents = c(100, 200, 300), hazardRatio = hr,
 *                                      maxNumberOfIterations = 100000, seed = 1), args))
 *   # hr = 1:   overallReject 0.61973, rejectPerStage 0.00837 0.25243 0.35893, expectedNumberOfEvents 273.083
 *   # hr = 1.3: overallReject 0.02513, rejectPerStage 9e-05 0.0059 0.01914, expectedNumberOfEvents 299.392
 * </pre>
 *
 * Tolerances: 4 standard errors of the difference of the two Monte Carlo estimates (trialsim's 10,000
 * replicates, rpact's 100,000), so a correct simulator fails a given check with probability 6e-5, and
 * one of this class's 11 checks with probability below 7e-4; the seeds are fixed, so the test is
 * deterministic.
 */
class NonInferiorityVsRpactTest {
    private static final int R = 10_000;
    private static final int RPACT_R = 100_000;

    private static TrialResult.AnalysisResult run(boolean threeLooks, boolean nullScenario) throws Exception {
        List<Setting> settings = new ArrayList<>(List.of(
                Setting.parse("outcomes.deathInRemission[0].hazardRatio=1"),
                Setting.parse("design.sampleSize=600"),
                Setting.parse("design.accrual.patientsPerMonth=25"),
                Setting.parse("design.analysis.events=300"),
                Setting.parse("design.analysis.margin=1.3"),
                Setting.parse("design.analysis.hypothesis=non-inferiority")));
        if (threeLooks) {
            settings.add(Setting.parse("design.analysis.informationFractions=[0.3333333333333333, 0.6666666666666666, 1]"));
            settings.add(Setting.parse("design.analysis.spending=obrien-fleming"));
        }
        LoadedProtocol p = new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), settings);
        return new Simulator().trial(p, new TrialOptions(R, 20261205, 2, nullScenario), Progress.NONE).analyses().get(0);
    }

    private static void agree(double trialsim, double rpact) {
        double se = Math.sqrt(trialsim * (1 - trialsim) / R + rpact * (1 - rpact) / RPACT_R);
        assertThat(trialsim).isCloseTo(rpact, within(4 * se));
    }

    @Test
    void fixedDesignPowerWhenTheArmsAreEqual() throws Exception {
        TrialResult.AnalysisResult a = run(false, false);
        agree(a.rejection().value(), 0.62548);
        assertThat(a.events().mean()).isEqualTo(300);
        assertThat(a.durationMonths().mean()).isCloseTo(25.37513, within(4 * a.durationMonths().standardError() + 0.01));
        assertThat(a.test()).isEqualTo("log-rank at hazard ratio >= 1.3 (non-inferiority)");
        assertThat(a.margin().hypothesis()).isEqualTo("non-inferiority");
        assertThat(a.margin().margin()).isEqualTo(1.3);
        assertThat(a.effect().truth()).isZero(); // both arms the same exponential: ln 1, exactly
    }

    @Test
    void fixedDesignTypeIErrorAtTheMargin() throws Exception {
        TrialResult.AnalysisResult a = run(false, true);
        agree(a.rejection().value(), 0.02547);
        // the true effect under this null hypothesis is exactly the margin, and the Cox interval covers it
        assertThat(a.effect().truth()).isCloseTo(Math.log(1.3), within(1e-15));
        assertThat(a.effect().truthMethod()).isEqualTo("null hypothesis");
        assertThat(a.effect().coverage().value()).isCloseTo(0.95, within(4 * Math.sqrt(0.95 * 0.05 / R)));
        // the Cox Wald interval lies below the margin about as often as the log-rank test at the margin rejects
        assertThat(a.margin().intervalBeyond().value()).isCloseTo(0.025, within(4 * Math.sqrt(0.025 * 0.975 / R)));
    }

    @Test
    void threeLookPowerWhenTheArmsAreEqual() throws Exception {
        TrialResult.AnalysisResult a = run(true, false);
        double[] stages = {0.00837, 0.25243, 0.35893};
        for (int k = 0; k < 3; k++) {
            agree(a.looks().get(k).stopForEfficacy().value(), stages[k]);
        }
        agree(a.rejection().value(), 0.61973);
        // each trial stops at 100, 200 or 300 events: rpact's sd is at most 100, its standard error at most 100/√100000
        assertThat(a.events().mean()).isCloseTo(273.083,
                within(4 * Math.sqrt(Math.pow(a.events().standardError(), 2) + Math.pow(100 / Math.sqrt(RPACT_R), 2))));
    }

    @Test
    void threeLookTypeIErrorAtTheMargin() throws Exception {
        TrialResult.AnalysisResult a = run(true, true);
        agree(a.rejection().value(), 0.02513);
        agree(a.looks().get(2).stopForEfficacy().value(), 0.01914);
    }
}
