package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.ProtocolException;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/** The doubly adaptive biased coin (rule dbcd) in whole trials: AALL1331 learning from MRD at the end of the first cycle (eoc1). */
class DoublyAdaptiveTrialTest {

    private static LoadedProtocol aall1331(String adaptive) throws Exception {
        return BuiltinProtocols.load("aall1331", List.of(Setting.parse("design.randomization={method: response-adaptive, adaptive:"
                + " {assessment: eoc1, mrdBelow: 1e-4, rule: dbcd" + adaptive + "}}")));
    }

    @Test
    void oneSeedGivesTheSameResultForAnyThreadCount() throws Exception {
        LoadedProtocol p = aall1331(", target: rsihr, gamma: 2, burnIn: 20, updateEvery: 5, minProbability: 0.1, maxProbability: 0.9");
        TrialResult one = new Simulator().trial(p, new TrialOptions(16, 5, 1, false), Progress.NONE);
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 2, false), Progress.NONE)).isEqualTo(one);
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 8, false), Progress.NONE)).isEqualTo(one);
    }

    /**
     * Blinatumomab (B) makes about 75% of HR/IR patients MRD-negative after a cycle against chemotherapy's 32%
     * (Brown 2021; fewer count as responders in the simulation, as an event before the assessment is a
     * non-response), so the RSIHR target gives B about √0.75/(√0.32+√0.75) = 0.605 of the stratum and the
     * Neyman target about √(0.75·0.25)/(√(0.32·0.68)+√(0.75·0.25)) = 0.481: RSIHR favours the better arm,
     * Neyman the arm whose response is the more variable. 12 trials each (measured 0.578 and 0.454, 0.124
     * apart as the targets are; a trial's share varies by about 0.02, so the mean of 12 by about 0.006).
     */
    @Test
    void theShareOfTheStratumFollowsTheTarget() throws Exception {
        TrialOptions options = new TrialOptions(12, 1, 2, false);
        double[] shareB = new double[2];
        String[] targets = {"rsihr", "neyman"};
        for (int k = 0; k < 2; k++) {
            TrialResult r = new Simulator().trial(aall1331(", target: " + targets[k] + ", burnIn: 20, updateEveryDays: 7"), options,
                    Progress.NONE);
            TrialResult.StratumAllocation hrIr = r.allocation().get(0);
            double a = hrIr.patients().get("A").mean();
            double b = hrIr.patients().get("B").mean();
            shareB[k] = b / (a + b);
        }
        assertThat(shareB[0]).isBetween(0.55, 0.62);
        assertThat(shareB[1]).isBetween(0.42, 0.48);
        assertThat(shareB[0] - shareB[1]).isCloseTo(0.124, within(0.03));
    }

    /** The coin is for two arms: the three-arm example with rule dbcd is an invalid protocol, the problem at the rule. */
    @Test
    void moreThanTwoArmsAreRefused() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> new ProtocolReader().read(
                Path.of("../examples/adaptive-three-arm.yaml"), List.of(Setting.parse("design.randomization={method: response-adaptive,"
                        + " adaptive: {assessment: eoc1, mrdBelow: 1e-4, rule: dbcd, target: neyman}}"))));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("design.randomization.adaptive.rule");
            assertThat(p.message()).contains("rule dbcd").contains("is for two arms").contains("has 3");
        });
    }
}
