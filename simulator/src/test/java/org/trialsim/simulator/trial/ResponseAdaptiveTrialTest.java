package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;

/** Response-adaptive randomization in whole trials: AALL1331 learning from MRD at the end of the first cycle (eoc1). */
class ResponseAdaptiveTrialTest {

    private static LoadedProtocol aall1331(String randomization) throws Exception {
        return BuiltinProtocols.load("aall1331", List.of(Setting.parse("design.randomization=" + randomization)));
    }

    private static String adaptive(String more) {
        return "{method: response-adaptive, adaptive: {assessment: eoc1, mrdBelow: 1e-4" + more + "}}";
    }

    /**
     * With the power 0 the allocation is the ratio, drawn as simple randomization draws it: the same arms,
     * analyses and allocation summary on the same seed (AALL1331 allocates after reinduction, so the
     * adaptive design allocates in order of allocation day while the simple one allocates on the spot).
     */
    @Test
    void powerZeroIsTheRatioMethodToTheLastBit() throws Exception {
        TrialOptions options = new TrialOptions(40, 3, 2, false);
        TrialResult ratio = new Simulator().trial(aall1331("{method: simple}"), options, Progress.NONE);
        TrialResult rar = new Simulator().trial(aall1331(adaptive(", power: 0, burnIn: 7, updateEvery: 3")), options, Progress.NONE);
        assertThat(rar.analyses()).isEqualTo(ratio.analyses());
        assertThat(rar.allocation()).hasSameSizeAs(ratio.allocation());
        for (int k = 0; k < rar.allocation().size(); k++) {
            TrialResult.StratumAllocation r = rar.allocation().get(k);
            TrialResult.StratumAllocation s = ratio.allocation().get(k);
            assertThat(r.patients()).isEqualTo(s.patients());
            assertThat(r.imbalance()).isEqualTo(s.imbalance());
            assertThat(r.bestArmShare()).isEqualTo(s.bestArmShare());
            // the adaptive design says how often an arm led: never, as it never left the ratio; the ratio method does not say
            r.arms().forEach((arm, x) -> {
                TrialResult.ArmAllocation y = s.arms().get(arm);
                assertThat(new double[] {x.p2_5(), x.p97_5()}).containsExactly(y.p2_5(), y.p97_5());
                assertThat(x.share()).isEqualTo(y.share());
                assertThat(x.highestProbability().value()).isZero();
                assertThat(y.highestProbability()).isNull();
            });
        }
        TrialResult growing = new Simulator().trial(aall1331(adaptive(", power: 0, growth: sample-fraction, updateEveryDays: 30")),
                options, Progress.NONE);
        assertThat(growing.analyses()).isEqualTo(ratio.analyses());
    }

    /**
     * A bound on P(arm is best) that no replicate crosses (the smallest positive double: P(arm is best) would
     * have to be exactly 0) runs the dropping code at every update and changes nothing: the same decisions,
     * estimates and allocation, to the bit, as without the bound, and no arm dropped. Only the true effect
     * differs: in the 200,000-patient trial that estimates it, P(A is best) in HR/IR does underflow to 0.
     */
    @Test
    void aDropBoundThatCannotTriggerChangesNothing() throws Exception {
        TrialOptions options = new TrialOptions(30, 3, 2, false);
        String rar = ", power: 1, burnIn: 20, updateEvery: 5, minProbability: 0.1, maxProbability: 0.9";
        TrialResult without = new Simulator().trial(aall1331(adaptive(rar)), options, Progress.NONE);
        TrialResult never = new Simulator().trial(aall1331(adaptive(rar + ", dropBelow: " + Double.MIN_VALUE)), options, Progress.NONE);
        for (int a = 0; a < never.analyses().size(); a++) {
            TrialResult.AnalysisResult n = never.analyses().get(a);
            TrialResult.AnalysisResult w = without.analyses().get(a);
            assertThat(n.rejection()).isEqualTo(w.rejection());
            assertThat(n.looks()).isEqualTo(w.looks());
            assertThat(n.events()).isEqualTo(w.events());
            assertThat(n.allocation()).isEqualTo(w.allocation());
            assertThat(n.effect().mean()).isEqualTo(w.effect().mean());
            assertThat(n.effect().sd()).isEqualTo(w.effect().sd());
        }
        for (int k = 0; k < never.allocation().size(); k++) {
            TrialResult.StratumAllocation n = never.allocation().get(k);
            TrialResult.StratumAllocation w = without.allocation().get(k);
            assertThat(n.patients()).isEqualTo(w.patients());
            n.arms().forEach((arm, x) -> {
                assertThat(x.dropped().value()).isZero();
                assertThat(w.arms().get(arm).dropped()).isNull();
                assertThat(new TrialResult.ArmAllocation(x.p2_5(), x.p97_5(), x.share(), x.highestProbability()))
                        .isEqualTo(w.arms().get(arm));
            });
        }
    }

    /**
     * Dropping at P(arm is best) below 0.1 after a burn-in of 20: in HR/IR chemotherapy (A, 32% MRD-negative
     * after a cycle against blinatumomab's 75%) is dropped in most of 12 trials and blinatumomab in none (by
     * the first update the posteriors hardly overlap), and the arm left gets most of the stratum; results are
     * the same for any thread count.
     */
    @Test
    void theWorseArmIsDroppedAndTheBetterKeepsTheStratum() throws Exception {
        LoadedProtocol p = aall1331(adaptive(", power: 1, burnIn: 20, updateEvery: 5, dropBelow: 0.1"));
        TrialResult r = new Simulator().trial(p, new TrialOptions(12, 1, 2, false), Progress.NONE);
        TrialResult.StratumAllocation hrIr = r.allocation().get(0);
        assertThat(hrIr.arms().get("A").dropped().value()).isGreaterThan(0.7);
        assertThat(hrIr.arms().get("B").dropped().value()).isZero();
        assertThat(hrIr.arms().get("B").share().value()).isGreaterThan(0.8);
        assertThat(new Simulator().trial(p, new TrialOptions(12, 1, 1, false), Progress.NONE)).isEqualTo(r);
        assertThat(new Simulator().trial(p, new TrialOptions(12, 1, 5, false), Progress.NONE)).isEqualTo(r);
    }

    @Test
    void oneSeedGivesTheSameResultForAnyThreadCount() throws Exception {
        LoadedProtocol p = aall1331(adaptive(", power: 1, burnIn: 20, updateEvery: 5, minProbability: 0.1, maxProbability: 0.9"));
        TrialResult one = new Simulator().trial(p, new TrialOptions(16, 5, 1, false), Progress.NONE);
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 2, false), Progress.NONE)).isEqualTo(one);
        assertThat(new Simulator().trial(p, new TrialOptions(16, 5, 8, false), Progress.NONE)).isEqualTo(one);
    }

    /**
     * Blinatumomab (B) makes 75% of HR/IR patients MRD-negative after a cycle against chemotherapy's 32%
     * (Brown 2021): RAR gives B most of the stratum, more as the power grows, within the cap; the LR
     * stratum's arms differ less. 12 trials each; the differences are tens of patients, many standard errors.
     */
    @Test
    void theBetterArmGetsMorePatientsAsThePowerGrows() throws Exception {
        TrialOptions options = new TrialOptions(12, 1, 2, false);
        double[] shareB = new double[3];
        double[] powers = {0, 0.5, 2};
        for (int k = 0; k < powers.length; k++) {
            TrialResult r = new Simulator().trial(aall1331(adaptive(", power: " + powers[k]
                    + ", burnIn: 20, updateEvery: 5, minProbability: 0.1, maxProbability: 0.9")), options, Progress.NONE);
            TrialResult.StratumAllocation hrIr = r.allocation().get(0);
            double a = hrIr.patients().get("A").mean();
            double b = hrIr.patients().get("B").mean();
            shareB[k] = b / (a + b);
        }
        assertThat(shareB[0]).isBetween(0.4, 0.6);
        assertThat(shareB[1]).isGreaterThan(shareB[0] + 0.2);
        assertThat(shareB[2]).isGreaterThan(shareB[1]).isLessThanOrEqualTo(0.9);
    }

    /**
     * RAR's price and gain as the result reports them: B, with the true log hazard ratio below 0 in HR/IR,
     * is the truly best arm there and gets its share of patients; each trial's shares sum to 1, so their
     * means do; B ends with the highest allocation probability in most trials (its MRD response is 75%
     * against 32%; by the update after the burn-in of 20 the posteriors hardly overlap). Under --null no
     * arm is best. 12 trials; the thresholds are far from the values (share about 0.8, B leading in all).
     */
    @Test
    void theResultShowsTheShareOnTheBestArmAndHowOftenEachArmLed() throws Exception {
        String rar = adaptive(", power: 1, burnIn: 20, updateEvery: 5, minProbability: 0.1, maxProbability: 0.9");
        TrialResult r = new Simulator().trial(aall1331(rar), new TrialOptions(12, 1, 2, false), Progress.NONE);
        TrialResult.StratumAllocation hrIr = r.allocation().get(0);
        assertThat(hrIr.bestArm()).isEqualTo("B");
        assertThat(hrIr.bestArmBy()).contains("log hazard ratio").contains("HR/IR");
        TrialResult.ArmAllocation a = hrIr.arms().get("A");
        TrialResult.ArmAllocation b = hrIr.arms().get("B");
        assertThat(hrIr.bestArmShare()).isEqualTo(b.share());
        assertThat(b.share().value()).isGreaterThan(0.65).isLessThanOrEqualTo(0.9);
        assertThat(a.share().value() + b.share().value()).isCloseTo(1, offset(1e-12));
        assertThat(b.share().standardError()).isPositive();
        assertThat(b.highestProbability().value()).isGreaterThan(0.8);
        assertThat(a.highestProbability().value() + b.highestProbability().value()).isLessThanOrEqualTo(1);
        for (TrialResult.ArmAllocation x : List.of(a, b)) {
            assertThat(x.p2_5()).isLessThanOrEqualTo(x.p97_5());
        }
        TrialResult.Distribution pb = hrIr.patients().get("B");
        assertThat(b.p2_5()).isBetween(pb.min(), pb.p10());
        assertThat(b.p97_5()).isBetween(pb.p90(), pb.max());

        TrialResult nul = new Simulator().trial(aall1331(rar), new TrialOptions(4, 1, 2, true), Progress.NONE);
        assertThat(nul.allocation()).allSatisfy(s -> assertThat(s.bestArm()).isNull());
        TrialResult fixed = new Simulator().trial(aall1331("{method: simple}"), new TrialOptions(4, 1, 2, false), Progress.NONE);
        assertThat(fixed.allocation()).allSatisfy(s -> assertThat(s.arms().values()).allSatisfy(x -> assertThat(x.highestProbability()).isNull()));
    }

    @Test
    void anAssessmentThatIsNotThereIsAProblemOfTheProtocol() {
        assertThatThrownBy(() -> aall1331("{method: response-adaptive, adaptive: {assessment: eoc9, mrdBelow: 1e-4}}"))
                .hasMessageContaining("eoc9");
        assertThatThrownBy(() -> new Simulator().trial(aall1331("{method: response-adaptive}"), new TrialOptions(1, 1, 1, false),
                Progress.NONE)).hasMessageContaining("adaptive");
    }
}
