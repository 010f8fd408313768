package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * The operating characteristics of the two further designs benchmarks/compare-rpact.sh runs agree with
 * rpact 3.3.4's. Reference values from R 4.2 (the calls are at the head of each example file):
 *
 * <pre>
 * d1 &lt;- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)
 * getSimulationSurvival(d1, lambda2 = log(2) / 18, hazardRatio = 0.65, directionUpper = FALSE, maxNumberOfSubjects = 330,
 *     accrualTime = c(0, 22), allocation1 = 2, allocation2 = 1, plannedEvents = 180, maxNumberOfIterations = 100000, seed = 1)
 *   # overallReject 0.80083, analysisTime 38.76259
 * d3 &lt;- getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = "asOF",
 *     informationRates = c(1, 2, 3) / 3, futilityBounds = c(0, 0.5), bindingFutility = FALSE)
 *   # criticalValues 3.710303 2.511427 1.993047
 * getSimulationSurvival(d3, piecewiseSurvivalTime = c(0, 6), lambda2 = c(0.06, 0.03), hazardRatio = 0.7, directionUpper = FALSE,
 *     maxNumberOfSubjects = 400, accrualTime = c(0, 20), plannedEvents = c(80, 160, 240), maxNumberOfIterations = 100000, seed = 1)
 *   # overallReject 0.76239, rejectPerStage 0.01593 0.38128 0.36518, futilityPerStage 0.05569 0.02162,
 *   # expectedNumberOfEvents 196.30881
 * </pre>
 *
 * Tolerances: 4 standard errors of the difference of the two Monte Carlo estimates (trialsim's with R
 * replicates, rpact's with 100,000), so a correct simulator fails each check with probability 6e-5.
 */
class ExampleDesignsVsRpactTest {
    private static final int R = 10_000;
    private static final int RPACT_R = 100_000;

    private static TrialResult.AnalysisResult run(String example) throws Exception {
        return new Simulator().trial(new ProtocolReader().read(Path.of("../examples/" + example)),
                new TrialOptions(R, 20261204, 2, false), Progress.NONE).analyses().get(0);
    }

    private static void agree(double trialsim, double rpact) {
        double se = Math.sqrt(trialsim * (1 - trialsim) / R + rpact * (1 - rpact) / RPACT_R);
        assertThat(trialsim).isCloseTo(rpact, within(4 * se));
    }

    @Test
    void fixedTwoToOneDesign() throws Exception {
        TrialResult.AnalysisResult a = run("two-arm-two-to-one.yaml");
        agree(a.rejection().value(), 0.80083);
        assertThat(a.events().mean()).isEqualTo(180);
        assertThat(a.allocation().control().mean()).isEqualTo(110);
        assertThat(a.durationMonths().mean()).isCloseTo(38.76259, within(4 * a.durationMonths().standardError() + 0.01));
    }

    @Test
    void threeLookPiecewiseDesignWithFutilityBounds() throws Exception {
        TrialResult.AnalysisResult a = run("three-look-piecewise.yaml");
        double[] bounds = {3.710303, 2.511427, 1.993047};
        double[] stages = {0.01593, 0.38128, 0.36518};
        double[] futility = {0.05569, 0.02162};
        for (int k = 0; k < 3; k++) {
            assertThat(a.looks().get(k).efficacyBound()).isCloseTo(bounds[k], within(1e-5));
            agree(a.looks().get(k).stopForEfficacy().value(), stages[k]);
        }
        for (int k = 0; k < 2; k++) {
            agree(a.looks().get(k).stopForFutility().value(), futility[k]);
        }
        agree(a.rejection().value(), 0.76239);
        // each trial stops at 80, 160 or 240 events: rpact's own sd is at most 80, its standard error at most 80/√100000
        assertThat(a.events().mean()).isCloseTo(196.30881,
                within(4 * Math.sqrt(Math.pow(a.events().standardError(), 2) + Math.pow(80 / Math.sqrt(RPACT_R), 2))));
    }
}
