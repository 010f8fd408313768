package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * A simulated trial whose primary comparison is a response difference with a non-inferiority margin of −0.1
 * (Farrington–Manning, fixed design, one-sided α = 0.025) agrees with rpact 3.3.4: protocols/fixed-response-rates.yaml,
 * 400 patients in blocks of two (200 a side), control response rate 0.8, experimental 0.8 (power) or 0.7 (type I
 * error: the true difference at the margin, set directly since --null at a response margin is refused). R 4.2.2:
 *
 * <pre>
 * d &lt;- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)
 * getSimulationRates(d, groups = 2, thetaH0 = -0.1, pi1 = p1, pi2 = 0.8, plannedSubjects = 400,
 *                    normalApproximation = TRUE, maxNumberOfIterations = 1e6, seed = 1)$overallReject
 *   # p1 = 0.8: 0.702935;  p1 = 0.7: 0.025045
 * getPowerRates(d, groups = 2, thetaH0 = -0.1, pi1 = p1, pi2 = 0.8, maxNumberOfSubjects = 400)$overallReject
 *   # p1 = 0.8: 0.6995328; p1 = 0.7: 0.025 (the normal approximation, always exactly α at the margin)
 * # exact: the rejection probability summed over all 201 x 201 tables, z from rpact's own restricted estimates
 * # rpact:::.getFarringtonManningValuesDiff(r1, r0, theta = -0.1, allocation = 1), rejecting at z >= qnorm(0.975):
 *   # p1 = 0.8: 0.7024985;  p1 = 0.7: 0.02505266
 * </pre>
 *
 * rpact's simulated statistic (getTestStatisticsRatesCpp in f_simulation_base_rates.cpp) is ours: the same closed-form
 * restricted estimates, no continuity correction and no n/(n − 1) factor; it sets z = 0 when the difference equals the
 * margin exactly, where ours is 0 too. The one difference is the arms' sizes: rpact's are fixed at the planned
 * allocation, ours are those the randomization gives, which blocks of two make exactly 200 each. getPowerRates is the
 * asymptotic formula, 0.003 below the exact power at this size, so it is quoted, not checked.
 *
 * Tolerances: 4 standard errors of trialsim's 100,000 replicates against the exact values, and of the difference of
 * the two Monte Carlo estimates against rpact's simulation, so a correct simulator fails a given check with
 * probability 6e-5, and one of the four with probability below 3e-4; the seeds are fixed, so the test is deterministic.
 */
class ResponseMarginVsRpactTest {
    private static final int R = 100_000;
    private static final int RPACT_R = 1_000_000;

    private static TrialResult.AnalysisResult run(double experimentalRate) throws Exception {
        LoadedProtocol p = new ProtocolReader().read(Path.of("src/test/resources/protocols/fixed-response-rates.yaml"),
                List.of(Setting.parse("pathway.nodes.experimental-response.routes[0].probability=" + experimentalRate)));
        return new Simulator().trial(p, new TrialOptions(R, 20261205, 2, false), Progress.NONE).analyses().get(0);
    }

    private static void agree(TrialResult.AnalysisResult a, double exact, double rpact) {
        double p = a.rejection().value();
        assertThat(p).as("against the exact rejection probability").isCloseTo(exact, within(4 * Math.sqrt(exact * (1 - exact) / R)));
        double se = Math.sqrt(p * (1 - p) / R + rpact * (1 - rpact) / RPACT_R);
        assertThat(p).as("against rpact's getSimulationRates").isCloseTo(rpact, within(4 * se));
    }

    private static void sameDesignAsRpact(TrialResult.AnalysisResult a, double trueDifference) {
        assertThat(a.test()).isEqualTo("Farrington-Manning at difference in response rates <= -0.1 (non-inferiority)");
        assertThat(a.margin().margin()).isEqualTo(-0.1);
        assertThat(a.allocation().control().min()).isEqualTo(200);
        assertThat(a.allocation().control().max()).isEqualTo(200);
        assertThat(a.allocation().experimental().min()).isEqualTo(200);
        assertThat(a.allocation().experimental().max()).isEqualTo(200);
        assertThat(a.effect().truth()).isCloseTo(trueDifference, within(4 * a.effect().truthStandardError()));
    }

    @Test
    void powerWhenTheResponseRatesAreEqual() throws Exception {
        TrialResult.AnalysisResult a = run(0.8);
        sameDesignAsRpact(a, 0);
        agree(a, 0.7024985, 0.702935);
    }

    @Test
    void typeIErrorWhenTheTrueDifferenceIsTheMargin() throws Exception {
        TrialResult.AnalysisResult a = run(0.7);
        sameDesignAsRpact(a, -0.1);
        agree(a, 0.02505266, 0.025045);
    }
}
