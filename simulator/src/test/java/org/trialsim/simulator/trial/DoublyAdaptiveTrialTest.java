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

    private static LoadedProtocol threeArms(String adaptive) throws Exception {
        return new ProtocolReader().read(Path.of("../examples/adaptive-three-arm.yaml"), List.of(Setting.parse(
                "design.randomization={method: response-adaptive, adaptive: {assessment: eoc1, mrdBelow: 1e-4, rule: dbcd" + adaptive + "}}")));
    }

    /** The three-arm example (chemotherapy A against one and two blinatumomab cycles B1 and B) with the K-arm coin, alone or with a control share. */
    @Test
    void threeArmsGiveTheSameResultForAnyThreadCount() throws Exception {
        for (String control : new String[] {"", ", control: A, controlShare: 0.3"}) {
            LoadedProtocol p = threeArms(", target: rsihr, gamma: 2, burnIn: 30, updateEvery: 5, minProbability: 0.1, maxProbability: 0.8"
                    + control);
            TrialResult one = new Simulator().trial(p, new TrialOptions(8, 5, 1, false), Progress.NONE);
            assertThat(new Simulator().trial(p, new TrialOptions(8, 5, 2, false), Progress.NONE)).as(control).isEqualTo(one);
            assertThat(new Simulator().trial(p, new TrialOptions(8, 5, 8, false), Progress.NONE)).as(control).isEqualTo(one);
        }
    }

    /**
     * RSIHR over three arms favours the blinatumomab arms, whose MRD response is far above chemotherapy's (about 75%
     * against 32%, so √p_k normalised gives A about 0.25 and B1 and B 0.38 each): over 12 trials each of B1 and B gets
     * more of the HR/IR stratum than A (measured A 0.260, B1 0.364, B 0.376; a trial's share varies by about 0.03, the
     * mean of 12 by about 0.01). With a control share of 0.3, A's expected share of the stratum's n patients is
     * (30/3 + 0.3·(n − 30))/n (a third during the burn-in of 30, 0.3 after); the mean over 12 trials is within 0.03 of
     * it (measured 0.300 against 0.3035; 0.03 is about 3.5 standard errors of a mean of 12 binomial shares of some 290
     * patients).
     */
    @Test
    void rsihrOverThreeArmsFavoursTheBetterArms() throws Exception {
        TrialOptions options = new TrialOptions(12, 1, 2, false);
        TrialResult free = new Simulator().trial(threeArms(", target: rsihr, burnIn: 30, updateEvery: 5"), options, Progress.NONE);
        TrialResult.StratumAllocation s = free.allocation().get(0);
        double a = s.patients().get("A").mean();
        double b1 = s.patients().get("B1").mean();
        double b = s.patients().get("B").mean();
        assertThat(b1).isGreaterThan(a);
        assertThat(b).isGreaterThan(a);
        TrialResult fixed = new Simulator().trial(threeArms(", target: rsihr, burnIn: 30, updateEvery: 5, control: A, controlShare: 0.3"),
                options, Progress.NONE);
        TrialResult.StratumAllocation f = fixed.allocation().get(0);
        double n = f.patients().get("A").mean() + f.patients().get("B1").mean() + f.patients().get("B").mean();
        assertThat(f.patients().get("A").mean() / n).isCloseTo((10 + 0.3 * (n - 30)) / n, within(0.03));
    }

    /** A matched control is the thompson rule's: with rule dbcd it is refused at the field, with the fixed share named instead. */
    @Test
    void aMatchedControlIsRefusedWithTheCoin() {
        ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> threeArms(", target: neyman, control: A, controlMatched: true"));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("design.randomization.adaptive.controlMatched");
            assertThat(p.message()).contains("applies to the thompson rule only").contains("'controlShare' instead");
        });
        assertThat(e.errors()).noneSatisfy(p -> assertThat(p.path()).isEqualTo("design.randomization.adaptive.rule"));
    }
}
