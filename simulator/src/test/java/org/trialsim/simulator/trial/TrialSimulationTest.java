package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.protocol.builtin.BuiltinProtocols;
import org.trialsim.protocol.condition.ProtocolVariables;
import org.trialsim.protocol.io.ProtocolReader;
import org.trialsim.protocol.io.Setting;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.engine.ArmPolicy;
import org.trialsim.simulator.engine.CompiledProtocol;
import org.trialsim.simulator.engine.PatientSimulator;
import org.trialsim.simulator.random.RandomStreams;
import org.trialsim.simulator.registry.Registry;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.accrual.AccrualProcess;

class TrialSimulationTest {

    private static LoadedProtocol example(Setting... settings) throws Exception {
        return new ProtocolReader().read(Path.of("../examples/two-arm-exponential.yaml"), List.of(settings));
    }

    @Test
    void oneSeedGivesTheSameResultForAnyThreadCount() throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("interfant-21");
        TrialResult one = new Simulator().trial(p, new TrialOptions(64, 5, 1, false), Progress.NONE);
        assertThat(new Simulator().trial(p, new TrialOptions(64, 5, 2, false), Progress.NONE)).isEqualTo(one);
        assertThat(new Simulator().trial(p, new TrialOptions(64, 5, 8, false), Progress.NONE)).isEqualTo(one);
    }

    @Test
    void replicateIOfTwoScenariosUsesTheSamePatients() throws Exception {
        // hazard ratio 0.6 against 0.65: the same arrivals and allocation in every replicate, and the
        // conclusions agree far more often than two independent trials would
        LoadedProtocol a = example();
        LoadedProtocol b = example(Setting.parse("outcomes.deathInRemission[0].hazardRatio=0.65"));
        RandomStreams streams = new RandomStreams(11);
        ReplicateAnalyser ra = runner(a, streams);
        ReplicateAnalyser rb = runner(b, streams);
        int agree = 0;
        int rejectA = 0;
        int rejectB = 0;
        int n = 400;
        for (int r = 0; r < n; r++) {
            Conclusion x = run(ra, r).analyses()[0];
            Conclusion y = run(rb, r).analyses()[0];
            assertThat(y.control()).isEqualTo(x.control());
            assertThat(y.experimental()).isEqualTo(x.experimental());
            agree += x.efficacy() == y.efficacy() ? 1 : 0;
            rejectA += x.efficacy() ? 1 : 0;
            rejectB += y.efficacy() ? 1 : 0;
        }
        double pa = (double) rejectA / n;
        double pb = (double) rejectB / n;
        double independent = pa * pb + (1 - pa) * (1 - pb);
        // with independent trials agreement would be about 0.6 with sd 0.025; common random numbers give
        // about 0.9: 0.8 is more than 7 sd above independence
        assertThat(independent).isLessThan(0.7);
        assertThat((double) agree / n).isGreaterThan(0.8);
        assertThat(pa).isGreaterThan(pb);
    }

    private static ReplicateAnalyser runner(LoadedProtocol p, RandomStreams streams) {
        CompiledProtocol compiled = CompiledProtocol.of(p);
        return new ReplicateAnalyser(TrialDesign.of(compiled, Registry.builtIns()), compiled, streams, false);
    }

    private static ReplicateResult run(ReplicateAnalyser runner, long r) {
        return runner.run(r, AccrualProcess.of(runner.design().accrual));
    }

    /** The arm of each patient of the trial last simulated. */
    private static int[] arms(ReplicateAnalyser runner) {
        VirtualTrial trial = runner.trial();
        int[] arms = new int[trial.patients()];
        for (int i = 0; i < arms.length; i++) {
            arms[i] = trial.arm(i);
        }
        return arms;
    }

    @Test
    void singleArmResponseTypeIErrorIsTheExactBinomialSize() throws Exception {
        // under the null hypothesis the 90 patients respond independently at the historical 65%: the
        // test rejects when X ≥ c, the smallest c with P(X ≥ c) ≤ 0.025
        LoadedProtocol p = BuiltinProtocols.load("cccg-blina-d19");
        BinomialDistribution x = BinomialDistribution.of(90, 0.65);
        int c = 0;
        while (x.survivalProbability(c - 1) > 0.025) {
            c++;
        }
        double size = x.survivalProbability(c - 1);
        int r = 4000;
        TrialResult result = new Simulator().trial(p, new TrialOptions(r, 3, 2, true), Progress.NONE);
        double rejection = result.analyses().get(0).rejection().value();
        // 5 binomial standard errors: a false failure once in 3.5 million runs
        assertThat(rejection).isCloseTo(size, within(5 * Math.sqrt(size * (1 - size) / r)));
        assertThat(result.analyses().get(0).effect().truth()).isZero();
        assertThat(result.analyses().get(0).effect().mean().value()).isCloseTo(0.65, within(5 * Math.sqrt(0.65 * 0.35 / 90 / r)));
    }

    /** The pilot's pathway has an allocation node (for cohort comparisons), but its trial design is single-arm. */
    @Test
    void aSingleArmDesignReportsNoRandomization() throws Exception {
        TrialResult result = new Simulator().trial(BuiltinProtocols.load("interfant-06-blina"), new TrialOptions(20, 3, 2, true),
                Progress.NONE);
        assertThat(result.allocation()).isEmpty();
    }

    @Test
    void aProtocolWithoutATrialDesignIsRefused() throws Exception {
        assertThatThrownBy(() -> new Simulator().trial(BuiltinProtocols.load("aall1121"), new TrialOptions(1, 1, 1, false),
                Progress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a trial with analyses");
    }

    /**
     * Allocation made on the spot in arrival order and allocation made again in order of allocation day
     * give the same trial whenever the two orders agree (the two-arm example allocates at enrolment) and
     * whatever the protocol when the second is always used (AALL1331 allocates after reinduction).
     */
    @Test
    void allocationOnTheSpotIsAllocationInOrderOfAllocationDay() throws Exception {
        for (LoadedProtocol p : List.of(example(), BuiltinProtocols.load("aall1331"))) {
            RandomStreams streams = new RandomStreams(8);
            ReplicateAnalyser onTheSpot = runner(p, streams);
            ReplicateAnalyser again = runner(p, streams);
            again.trial().alwaysReallocate = true;
            for (int r = 0; r < 30; r++) {
                ReplicateResult x = run(onTheSpot, r);
                ReplicateResult y = run(again, r);
                assertThat(arms(again)).isEqualTo(arms(onTheSpot));
                assertThat(y.analyses()).isEqualTo(x.analyses());
            }
        }
    }

    /**
     * A calendar-time cut: the two-arm example enrols one patient every 3.04375 days (10 a month), so at
     * month 11 exactly 110 are enrolled in every trial, and the analysis is made on day 11 × 30.4375.
     */
    @Test
    void aCalendarCutAnalysesWhoIsEnrolledByThen() throws Exception {
        List<Setting> settings = List.of(Setting.parse("design.analysis.events=null"), Setting.parse("design.analysis.calendarMonths=11"));
        TrialResult.AnalysisResult a = new Simulator().trial(example(settings.toArray(Setting[]::new)), new TrialOptions(50, 4, 2, false),
                Progress.NONE).analyses().get(0);
        assertThat(a.patients().min()).isEqualTo(110);
        assertThat(a.patients().max()).isEqualTo(110);
        assertThat(a.durationMonths().min()).isCloseTo(11, within(1e-9));
        assertThat(a.durationMonths().max()).isCloseTo(11, within(1e-9));
        // expected deaths: patient k (k = 1 … 110) arrives at month k/10 and is followed 11 − k/10 months;
        // blocks of two give each patient either arm with probability ½ (control rate ln 2/12 a month,
        // experimental 0.6 times that); allocation is the start of the pathway, so time counts from arrival.
        double rate = Math.log(2) / 12;
        double expected = 0;
        for (int k = 1; k <= 110; k++) {
            double t = 11 - k / 10.0;
            expected += 0.5 * (1 - Math.exp(-rate * t)) + 0.5 * (1 - Math.exp(-0.6 * rate * t));
        }
        assertThat(a.events().mean()).isCloseTo(expected, within(4 * a.events().standardError()));
    }

    /**
     * The allocation report per randomizing stratum: AALL1331's permuted blocks of 2 and 4 keep each
     * stratum within 2 of balance in every trial, and the factor imbalance appears only with factors.
     */
    @Test
    void allocationIsReportedPerRandomizingStratum() throws Exception {
        TrialResult blocks = new Simulator().trial(BuiltinProtocols.load("aall1331"), new TrialOptions(40, 2, 2, true),
                Progress.NONE);
        assertThat(blocks.allocation()).extracting(TrialResult.StratumAllocation::stratum).containsExactly("hr-ir", "lr");
        TrialResult.StratumAllocation hrIr = blocks.allocation().get(0);
        assertThat(hrIr.node()).isEqualTo("randomization");
        assertThat(hrIr.patients()).containsOnlyKeys("A", "B");
        assertThat(hrIr.imbalance().max()).isLessThanOrEqualTo(2);
        assertThat(hrIr.factorImbalance()).isNull();
        // the whole trial's randomized patients, not only those at the analysis
        assertThat(hrIr.patients().get("A").mean() + hrIr.patients().get("B").mean())
                .isGreaterThanOrEqualTo(blocks.analyses().get(0).allocation().control().mean()
                        + blocks.analyses().get(0).allocation().experimental().mean());
        Setting bySite = Setting.parse("design.randomization={method: stratified-blocks, blockSizes: [2], factors: [site]}");
        TrialResult stratified = new Simulator().trial(BuiltinProtocols.load("aall1331", List.of(bySite)), new TrialOptions(40, 2, 2, true),
                Progress.NONE);
        assertThat(stratified.allocation().get(0).factorImbalance().max()).isLessThanOrEqualTo(1);
        assertThat(stratified.provenance().settings()).containsExactly(bySite.toString());
    }

    /**
     * AALL1331 randomizes its HR/IR (arms A, B) and LR (C, D) strata separately. With stratified blocks
     * of 2 by site of relapse, each allocation stratum keeps a block sequence per site, so within every
     * site the two arms differ by at most one patient; blocks that ignore the site do not keep that.
     */
    @Test
    void stratifiedBlocksBalanceEachLevelOfTheFactor() throws Exception {
        assertThat(largestImbalanceWithinASite("{method: stratified-blocks, blockSizes: [2], factors: [site]}")).isLessThanOrEqualTo(1);
        assertThat(largestImbalanceWithinASite("{method: stratified-blocks, blockSizes: [2], factors: [timing]}")).isGreaterThan(1);
        assertThat(largestImbalanceWithinASite("{method: permuted-blocks, blockSizes: [2]}")).isGreaterThan(1);
    }

    /**
     * Minimization by one factor with p = 1 gives the lagging arm of the patient's level whenever there
     * is one, so within every site the arms never differ by more than one; with p = 0.8 they do.
     */
    @Test
    void minimizationWithCertaintyBalancesEachLevelOfItsFactor() throws Exception {
        assertThat(largestImbalanceWithinASite("{method: minimization, factors: [site], p: 1}")).isLessThanOrEqualTo(1);
        assertThat(largestImbalanceWithinASite("{method: minimization, factors: [site], p: 0.8}")).isGreaterThan(1);
    }

    /** Over 20 replicates, the largest |A − B| or |C − D| among patients with the same site of relapse. */
    private static int largestImbalanceWithinASite(String randomization) throws Exception {
        LoadedProtocol p = BuiltinProtocols.load("aall1331", List.of(Setting.parse("design.randomization=" + randomization)));
        RandomStreams streams = new RandomStreams(5);
        ReplicateAnalyser runner = runner(p, streams);
        CompiledProtocol compiled = CompiledProtocol.of(p);
        PatientSimulator patients = new PatientSimulator(compiled, streams);
        int site = ProtocolVariables.of(p.protocol()).slot("site");
        List<String> arms = List.copyOf(p.protocol().arms().keySet());
        int largest = 0;
        for (int r = 0; r < 20; r++) {
            run(runner, r);
            VirtualTrial trial = runner.trial();
            int[][] count = new int[2][arms.size()];
            for (int i = 0; i < trial.patients(); i++) {
                int arm = trial.arm(i);
                if (arm >= 0) {
                    // the covariates are drawn before allocation, so any arm policy shows them
                    count[(int) patients.simulate(trial.enginePatient(i), ArmPolicy.forced(arm)).state()[site]][arm]++;
                }
            }
            for (int[] bySite : count) {
                largest = Math.max(largest, Math.abs(bySite[arms.indexOf("A")] - bySite[arms.indexOf("B")]));
                largest = Math.max(largest, Math.abs(bySite[arms.indexOf("C")] - bySite[arms.indexOf("D")]));
            }
        }
        return largest;
    }

    /**
     * The example's arms die at 0.6 and 1 times one exponential curve, so the Cox estimate targets
     * log 0.6 exactly (and log 0.7 when the ratio is changed; here with 2:1 allocation): no large trial, and the bias's standard
     * error is the mean's alone.
     */
    @Test
    void aKnownHazardRatioIsTheExactTruth() throws Exception {
        for (double hr : new double[] {0.6, 0.7}) {
            TrialResult result = new Simulator().trial(example(Setting.parse("outcomes.deathInRemission[0].hazardRatio=" + hr),
                    Setting.parse("pathway.nodes.randomize.strata.all.ratio={control: 1, experimental: 2}"),
                    Setting.parse("design.randomization.blockSizes=[3]")),
                    new TrialOptions(200, 2, 2, false), Progress.NONE);
            TrialResult.Effect effect = result.analyses().get(0).effect();
            assertThat(effect.truthMethod()).isEqualTo("exact");
            assertThat(effect.truth()).isEqualTo(Math.log(hr));
            assertThat(effect.truthStandardError()).isZero();
            assertThat(effect.bias().standardError()).isEqualTo(effect.mean().standardError());
            assertThat(effect.bias().value()).isEqualTo(effect.mean().value() - Math.log(hr));
        }
    }

    /** Where the truth comes from a large trial, its own Monte Carlo error is part of the bias's. */
    @Test
    void aSimulatedTruthCarriesItsErrorIntoTheBias() throws Exception {
        TrialResult result = new Simulator().trial(BuiltinProtocols.load("aall1331"), new TrialOptions(50, 2, 2, false), Progress.NONE);
        for (TrialResult.AnalysisResult a : result.analyses()) {
            TrialResult.Effect effect = a.effect();
            assertThat(effect.truthMethod()).isEqualTo("large trial");
            assertThat(effect.truthStandardError()).isPositive();
            assertThat(effect.bias().standardError()).isCloseTo(Math.hypot(effect.mean().standardError(), effect.truthStandardError()),
                    within(1e-15));
        }
        TrialResult.Effect none = new Simulator().trial(BuiltinProtocols.load("aall1331"), new TrialOptions(20, 2, 2, true),
                Progress.NONE).analyses().get(0).effect();
        assertThat(none.truthMethod()).isEqualTo("null hypothesis");
        assertThat(none.truth()).isZero();
    }
}
