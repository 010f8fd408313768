package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/**
 * Stopping the whole trial at a response-adaptive update (superiority, futility), on AALL1331 learning from
 * MRD at the end of the first cycle. In HR/IR blinatumomab (B) makes 75% MRD-negative against
 * chemotherapy's 32% (Brown 2021); under --null every experimental arm follows its control's pathway.
 */
class AdaptiveStoppingTrialTest {
    private static final String RAR = "{method: response-adaptive, adaptive: {assessment: eoc1, mrdBelow: 1e-4, power: 1, burnIn: 20,"
            + " updateEvery: 5, minProbability: 0.1, maxProbability: 0.9";
    private static final String STOP = ", stopSuperiorityAbove: 0.99, stopFutilityBelow: 0.05, stopMinPatients: 40";

    private static LoadedProtocol aall1331(String more) throws Exception {
        return BuiltinProtocols.load("aall1331", List.of(Setting.parse("design.randomization=" + RAR + more + "}}")));
    }

    /**
     * Bounds no posterior can cross (P(arm is best) above 1, P(better than control) below 0) run the stopping
     * check at every update and change nothing: the analyses (decisions, sizes, estimates, true effects) and
     * the allocation are the same to the bit as without them; the result says only that no trial stopped.
     */
    @Test
    void boundsThatCannotTriggerChangeNothing() throws Exception {
        TrialOptions options = new TrialOptions(30, 3, 2, false);
        TrialResult without = new Simulator().trial(aall1331(""), options, Progress.NONE);
        TrialResult never = new Simulator().trial(aall1331(", stopSuperiorityAbove: 1, stopFutilityBelow: 0"), options, Progress.NONE);
        assertThat(never.analyses()).isEqualTo(without.analyses());
        assertThat(never.families()).isEqualTo(without.families());
        assertThat(never.allocation()).hasSameSizeAs(without.allocation());
        for (int k = 0; k < never.allocation().size(); k++) {
            TrialResult.StratumAllocation n = never.allocation().get(k);
            assertThat(n.stoppedForSuperiority().value()).isZero();
            assertThat(n.stoppedForFutility().value()).isZero();
            assertThat(new TrialResult.StratumAllocation(n.node(), n.stratum(), n.patients(), n.imbalance(), n.factorImbalance(), n.arms(),
                    n.bestArm(), n.bestArmBy(), n.bestArmShare(), null, null)).isEqualTo(without.allocation().get(k));
        }
    }

    /**
     * 100 trials each. With B clearly better, HR/IR stops for superiority in 0.90 of the trials on this seed
     * (0.98 without the futility bound): the test asks for more than 0.7, which a true rate of 0.9 misses
     * with probability below 1e-6 (binomial). Stopping ends accrual, so the trials enrol about 200 patients
     * instead of 670 and end years earlier. Futility never stops HR/IR, where B is better.
     */
    @Test
    void aClearlyBetterArmStopsForSuperiorityOftenAndTheTrialIsSmaller() throws Exception {
        TrialResult r = new Simulator().trial(aall1331(STOP), new TrialOptions(100, 7, 2, false), Progress.NONE);
        TrialResult.StratumAllocation hrIr = r.allocation().get(0);
        assertThat(hrIr.stoppedForSuperiority().value()).isGreaterThan(0.7);
        assertThat(hrIr.stoppedForFutility().value()).isLessThan(0.05);
        for (TrialResult.AnalysisResult a : r.analyses()) {
            assertThat(a.patients().mean()).isLessThan(0.5 * 670);
            assertThat(a.patients().max()).isLessThanOrEqualTo(670);
            assertThat(a.durationMonths().mean()).isLessThan(50);
        }
    }

    /**
     * Under the null hypothesis the arms are identical: on this seed 5 of 100 trials stop for superiority
     * (4 in HR/IR, 1 in LR) after repeated looks at 0.99; the test asks for fewer than 20, which a true rate
     * of 0.06 exceeds with probability about 1e-5. Futility stops are frequent here (34 of 100), which is
     * what a futility bound is for, and the expected size falls below the 670 of the fixed design.
     */
    @Test
    void identicalArmsRarelyStopForSuperiority() throws Exception {
        TrialResult r = new Simulator().trial(aall1331(STOP), new TrialOptions(100, 7, 2, true), Progress.NONE);
        double superiority = 0;
        double futility = 0;
        for (TrialResult.StratumAllocation s : r.allocation()) {
            superiority += s.stoppedForSuperiority().value();
            futility += s.stoppedForFutility().value();
        }
        assertThat(superiority).isLessThan(0.2);
        assertThat(futility).isGreaterThan(0.1);
        assertThat(superiority + futility).isLessThanOrEqualTo(1);
        assertThat(r.analyses().get(0).patients().mean()).isLessThan(670);
    }

    @Test
    void oneSeedGivesTheSameResultForAnyThreadCount() throws Exception {
        LoadedProtocol p = aall1331(STOP);
        TrialResult one = new Simulator().trial(p, new TrialOptions(16, 5, 1, false), Progress.NONE);
        assertThat(one.allocation().get(0).stoppedForSuperiority().value()).isPositive();
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 2, false), Progress.NONE)).isEqualTo(one);
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 5, false), Progress.NONE)).isEqualTo(one);
    }
}
