package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.LoadedProtocol;
import org.trialsim.simulator.TestProtocols;
import org.trialsim.simulator.cohort.CohortOptions;
import org.trialsim.simulator.cohort.CohortResult;
import org.trialsim.simulator.cohort.CohortSimulation;
import org.trialsim.simulator.run.Progress;

/**
 * The engine against closed forms. Statistical checks use a fixed seed and a tolerance of 5 standard
 * errors: for a correct engine each check fails with probability 6e-7 (and, the seed being fixed, the
 * outcome is deterministic).
 */
class PatientSimulatorTest {
    private static final int N = 200_000;
    private static final double Z = 5;

    private static CohortResult.ArmResult run(LoadedProtocol protocol) {
        return new CohortSimulation(CompiledProtocol.of(protocol)).run(new CohortOptions(N, 20261121, 2, null), Progress.NONE)
                .arms().get(0);
    }

    /** Asserts an estimate from n patients is within Z binomial standard errors of p. */
    private static void near(double estimate, double p, long n) {
        assertThat(estimate).isCloseTo(p, within(Z * Math.sqrt(p * (1 - p) / n) + 1e-12));
    }

    private static CohortResult.SurvivalPoint landmark(CohortResult.ArmResult arm, String endpoint, int year) {
        return arm.endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst().orElseThrow()
                .landmarks().stream().filter(p -> p.years() == year).findFirst().orElseThrow();
    }

    private static CohortResult.SurvivalPoint incidence(CohortResult.ArmResult arm, String endpoint, String event, int year) {
        return arm.endpoints().stream().filter(e -> e.endpoint().equals(endpoint)).findFirst().orElseThrow()
                .incidence().stream().filter(i -> i.event().equals(event)).findFirst().orElseThrow()
                .landmarks().stream().filter(p -> p.years() == year).findFirst().orElseThrow();
    }

    @Test
    void competingHazardsWithACuredFractionMatchTheirClosedForms() {
        CohortResult.ArmResult arm = run(TestProtocols.load(TestProtocols.text("hazards.yaml")));
        for (int t = 1; t <= 3; t++) {
            // EFS = e^{-0.2t} (0.3 + 0.7 e^{-0.5t}); relapse first = 0.5(1 - e^{-0.7t});
            // death first = 0.3(1 - e^{-0.2t}) + 0.2(1 - e^{-0.7t})
            double efs = Math.exp(-0.2 * t) * (0.3 + 0.7 * Math.exp(-0.5 * t));
            near(landmark(arm, "efs", t).estimate(), efs, N);
            near(incidence(arm, "efs", "relapse", t).estimate(), 0.5 * (1 - Math.exp(-0.7 * t)), N);
            near(incidence(arm, "efs", "death", t).estimate(), 0.3 * (1 - Math.exp(-0.2 * t)) + 0.2 * (1 - Math.exp(-0.7 * t)), N);
            // OS: deaths in remission plus deaths at rate a = ln 2 after a relapse at rate 0.35 e^{-0.7s}
            double a = Math.log(2);
            double deadAfterRelapse = 0.5 * (1 - Math.exp(-0.7 * t)) - 0.35 * Math.exp(-a * t) * (1 - Math.exp(-(0.7 - a) * t)) / (0.7 - a);
            double os = 1 - (0.3 * (1 - Math.exp(-0.2 * t)) + 0.2 * (1 - Math.exp(-0.7 * t))) - deadAfterRelapse;
            near(landmark(arm, "os", t).estimate(), os, N);
        }
    }

    @Test
    void theHazardRuleIsChosenAgainWhenTheStateChanges() {
        // relapse at 1/year during the first-year block, not at all once the next block has started: by
        // any time after year 1 the relapse incidence is 1 - e^{-1}
        LoadedProtocol p = TestProtocols.edited("hazards.yaml",
                "first-year: {type: block, kind: other, durationDays: 365.25, next: done, assumption: test}",
                "first-year: {type: block, kind: other, durationDays: 365.25, next: later, assumption: test}\n"
                        + "    later: {type: block, kind: other, durationDays: 0, next: done, assumption: test}",
                "    - {curve: relapse, curedFraction: 0.3}", "    - {when: received.later, curve: none}\n    - {curve: yearly}",
                "    relapse: {type: piecewise, fromDays: [0], ratesPerYear: [0.5]}",
                "    yearly: {type: piecewise, fromDays: [0], ratesPerYear: [1]}\n    none: {type: piecewise, fromDays: [0], ratesPerYear: [0]}",
                "    - {curve: death}", "    - {curve: none}");
        CohortResult.ArmResult arm = run(p);
        near(incidence(arm, "efs", "relapse", 1).estimate(), 1 - Math.exp(-1), N);
        near(incidence(arm, "efs", "relapse", 3).estimate(), 1 - Math.exp(-1), N);
        assertThat(incidence(arm, "efs", "relapse", 3).estimate()).isEqualTo(incidence(arm, "efs", "relapse", 2).estimate());
    }

    @Test
    void mechanicsOfEligibilityRiskBlocksAndDecisions() {
        CohortResult.ArmResult arm = run(TestProtocols.load(TestProtocols.text("mechanics.yaml")));
        CohortResult.Flow f = arm.flow();
        near((double) f.enrolled() / N, 0.8, N);
        long enrolled = f.enrolled();
        near((double) f.treatmentExclusions().get(0).patients() / enrolled, 0.2, enrolled);
        near((double) f.riskAtEnrolment().get("HR") / enrolled, 0.5, enrolled);

        var toxicity = arm.toxicities().get(0);
        assertThat(toxicity.block()).isEqualTo("induction");
        near(toxicity.toxicities().get(0).rate().estimate(), 0.3, enrolled);
        near(toxicity.death().estimate(), 0.1, enrolled);

        // EOI log10 MRD is N(log10 0.5 - 3, 1): remission below 0.05, thresholds 1e-3 and 1e-4
        NormalDistribution eoi = NormalDistribution.of(Math.log10(0.5) - 3, 1);
        var response = arm.responses().get(0);
        long assessed = response.assessed();
        near((double) assessed / enrolled, 0.9, enrolled);
        near(response.remission().estimate(), eoi.cumulativeProbability(Math.log10(0.05)), assessed);
        near(response.belowThreshold().get(0).rate().estimate(), eoi.cumulativeProbability(-3), assessed);
        near(response.negative().estimate(), eoi.cumulativeProbability(-4), assessed);

        // decision: not cr → failed; HR → immuno; SR with MRD ≥ 1e-3 → HR, immuno; else done
        var decide = f.nodes().stream().filter(n -> n.id().equals("decide")).findFirst().orElseThrow();
        assertThat(decide.patients()).isEqualTo(assessed);
        double inCr = eoi.cumulativeProbability(Math.log10(0.05));
        near(decide.branches().get(0).percent() / 100, 1 - inCr, assessed);
        // immuno: skipped by marker-positive patients (20%), given to the others
        var immuno = f.nodes().stream().filter(n -> n.id().equals("immuno")).findFirst().orElseThrow();
        assertThat(immuno.given() + immuno.skipped()).isEqualTo(immuno.patients());
        near((double) immuno.skipped() / immuno.patients(), 0.2, immuno.patients());
        // after the immunotherapy block MRD is 2 logs lower with no spread: eob = eoi - 2 logs, so
        // MRD below the 1e-4 limit at eob is P(eoi < 1e-2) among those given it (who had MRD < 0.05)
        var eob = arm.responses().get(1);
        assertThat(eob.assessed()).isEqualTo(immuno.given() - immuno.died() - immuno.relapsed());
        assertThat(immuno.relapsed()).as("patients in remission can relapse during a block").isPositive();
    }

    @Test
    void whetherAnAssessmentWasMadeRoutesWithoutRelyingOnAMissingMrdComparingFalse() {
        // the immunotherapy block (and its assessment eob) is skipped by the marker-positive patients; a
        // decision after it sends those not assessed one way: by 'not assessed.eob', which says so, where
        // a protocol once had to write 'not (mrd.eob >= 0)' and rely on a missing MRD comparing false
        CohortResult.Flow viaFlag = run(TestProtocols.edited("mechanics.yaml",
                "      next: done\n      assumption: test\n    failed",
                "      next: after-immuno\n      assumption: test\n"
                        + "    after-immuno:\n      type: decision\n      routes:\n"
                        + "        - {label: not assessed, when: not assessed.eob, to: done}\n"
                        + "        - {label: assessed, to: done}\n    failed")).flow();
        var immuno = viaFlag.nodes().stream().filter(n -> n.id().equals("immuno")).findFirst().orElseThrow();
        var after = viaFlag.nodes().stream().filter(n -> n.id().equals("after-immuno")).findFirst().orElseThrow();
        assertThat(immuno.skipped()).isPositive();
        assertThat(after.branches().get(0).patients()).as("not assessed: exactly those who skipped the block")
                .isEqualTo(immuno.skipped());
        assertThat(after.branches().get(1).patients()).as("assessed: those who finished the block")
                .isEqualTo(immuno.given() - immuno.died() - immuno.relapsed());
    }

    @Test
    void aHazardRuleCanApplyOnlyWhileThePatientIsInABlock() {
        // relapse at 1/year while in the first-year block and at no other time: by any time after year 1 the
        // relapse incidence is 1 - e^{-1}, whatever follows
        LoadedProtocol p = TestProtocols.edited("hazards.yaml",
                "first-year: {type: block, kind: other, durationDays: 365.25, next: done, assumption: test}",
                "first-year: {type: block, kind: other, durationDays: 365.25, next: later, assumption: test}\n"
                        + "    later: {type: block, kind: other, durationDays: 365.25, next: done, assumption: test}",
                "    - {curve: relapse, curedFraction: 0.3}", "    - {when: during.first-year, curve: yearly}\n    - {curve: none}",
                "    relapse: {type: piecewise, fromDays: [0], ratesPerYear: [0.5]}",
                "    yearly: {type: piecewise, fromDays: [0], ratesPerYear: [1]}\n    none: {type: piecewise, fromDays: [0], ratesPerYear: [0]}",
                "    - {curve: death}", "    - {curve: none}");
        CohortResult.ArmResult arm = run(p);
        near(incidence(arm, "efs", "relapse", 1).estimate(), 1 - Math.exp(-1), N);
        near(incidence(arm, "efs", "relapse", 3).estimate(), 1 - Math.exp(-1), N);
        assertThat(incidence(arm, "efs", "relapse", 3).estimate()).isEqualTo(incidence(arm, "efs", "relapse", 2).estimate());
    }

    @Test
    void anArmsHazardRatiosMultiplyEveryRuleAsCopiedRulesWould() {
        // the arm's ratios on top of each rule are the same hazards as the rules copied with those ratios:
        // the same virtual patients have the same outcomes, to the bit
        LoadedProtocol byArm = TestProtocols.edited("hazards.yaml", "  assumption: test\nfollowUp",
                "  armHazardRatios:\n    only: {relapse: 2, deathInRemission: 0.5, deathAfterEvent: 0.25, assumption: test}\n"
                        + "  assumption: test\nfollowUp");
        LoadedProtocol copied = TestProtocols.edited("hazards.yaml",
                "    - {curve: relapse, curedFraction: 0.3}", "    - {curve: relapse, curedFraction: 0.3, hazardRatio: 2}",
                "    - {curve: death}", "    - {curve: death, hazardRatio: 0.5}",
                "    - {curve: after}", "    - {curve: after, hazardRatio: 0.25}");
        CohortResult.ArmResult a = run(byArm);
        CohortResult.ArmResult b = run(copied);
        assertThat(a.endpoints()).isEqualTo(b.endpoints());
        // and they are what the closed form says: relapse at 1/year for the 70% not cured, death in remission at
        // 0.1/year for all, so relapse first by t is 0.7 · 1/1.1 · (1 - e^{-1.1t})
        for (int t = 1; t <= 3; t++) {
            double relapse = 0.7 / 1.1 * (1 - Math.exp(-1.1 * t));
            near(incidence(a, "efs", "relapse", t).estimate(), relapse, N);
        }
    }

    @Test
    void anArmsHazardRatioScalesAnExponentialHazardFromAllocation() throws Exception {
        // the two-arm example with one death rule for both arms and the experimental arm's ratio 0.6 given
        // once: control survival 2^{-t} (median 1 year), experimental 2^{-0.6t} (median 1/0.6 years)
        LoadedProtocol p = new org.trialsim.protocol.io.ProtocolReader().read(java.nio.file.Path.of("../examples/two-arm-exponential.yaml"),
                java.util.stream.Stream.of("outcomes.deathInRemission=[{curve: control-death}]",
                        "outcomes.armHazardRatios={experimental: {deathInRemission: 0.6, assumption: test}}")
                        .map(org.trialsim.protocol.io.Setting::parse).toList());
        CompiledProtocol compiled = CompiledProtocol.of(p);
        CohortResult result = new CohortSimulation(compiled).run(new CohortOptions(N, 20261121, 2, null), Progress.NONE);
        for (CohortResult.ArmResult arm : result.arms()) {
            double ratio = arm.arm().equals("experimental") ? 0.6 : 1;
            for (int t = 1; t <= 3; t++) {
                near(landmark(arm, "os", t).estimate(), Math.pow(2, -ratio * t), N);
            }
        }
        assertThat(compiled.closedFormHazard(compiled.arms().indexOf("experimental"),
                EndpointTime.of(p.protocol().endpoints().get("os")))).get().extracting(ScaledHazard::multiplier).isEqualTo(0.6);
    }

    @Test
    void aShareOfNonRespondersAtTheirOwnLevelMixesWithTheResponders() {
        // responders (90%): log10 MRD falls by 4 ± 1 from the level before, so 1% at baseline is negative
        // (below 1e-4) with probability Φ(2) and no MRD stays none; non-responders (10%, carryOver 0): log10
        // MRD -3 ± 1 whatever it was before, negative with probability Φ(-1), baseline-negative ones too
        NormalDistribution z = NormalDistribution.of(0, 1);
        double responders = z.cumulativeProbability(2);
        double nonResponders = z.cumulativeProbability(-1);
        var overall = run(TestProtocols.load(TestProtocols.text("mrd-mixture.yaml"))).responses().get(0);
        assertThat(overall.assessed()).isEqualTo(N);
        near(overall.negative().estimate(), 0.9 * (0.7 * responders + 0.3) + 0.1 * nonResponders, N);
        // below 1e-3: responders Φ(3), non-responders Φ(0)
        near(overall.belowThreshold().get(0).rate().estimate(),
                0.9 * (0.7 * z.cumulativeProbability(3) + 0.3) + 0.1 * 0.5, N);
        var positiveAtBaseline = run(TestProtocols.edited("mrd-mixture.yaml", "probability: 0.7}", "probability: 1}"))
                .responses().get(0);
        near(positiveAtBaseline.negative().estimate(), 0.9 * responders + 0.1 * nonResponders, N);
        var negativeAtBaseline = run(TestProtocols.edited("mrd-mixture.yaml", "probability: 0.7}", "probability: 0}"))
                .responses().get(0);
        near(negativeAtBaseline.negative().estimate(), 0.9 + 0.1 * nonResponders, N);
        // with the block's carry-over (1) instead, the resistant part shifts the level before: none stays none
        var shifted = run(TestProtocols.edited("mrd-mixture.yaml", "probability: 0.7}", "probability: 0}",
                ", carryOver: 0}", "}")).responses().get(0);
        assertThat(shifted.negative().estimate()).isEqualTo(1.0);
    }

    @Test
    void thePatientIsTheSameInEveryScenario() {
        // changing one block's toxicity probability changes no other random number
        CompiledProtocol base = CompiledProtocol.of(TestProtocols.load(TestProtocols.text("mechanics.yaml")));
        CompiledProtocol changed = CompiledProtocol.of(TestProtocols.edited("mechanics.yaml",
                "infection: {probability: 0.3}", "infection: {probability: 0.9}"));
        var streams = new org.trialsim.simulator.random.RandomStreams(7);
        PatientSimulator a = new PatientSimulator(base, streams);
        PatientSimulator b = new PatientSimulator(changed, streams);
        int sameEvents = 0;
        for (long i = 0; i < 2000; i++) {
            PatientOutcome x = a.simulate(i, ArmPolicy.BY_RATIO);
            double[] xs = x.state().clone();
            double relapse = x.relapseTime();
            double death = x.deathTime();
            int pathLength = x.pathLength();
            PatientOutcome y = b.simulate(i, ArmPolicy.BY_RATIO);
            assertThat(y.state()).isEqualTo(xs);
            assertThat(y.relapseTime()).isEqualTo(relapse);
            assertThat(y.deathTime()).isEqualTo(death);
            assertThat(y.pathLength()).isEqualTo(pathLength);
            sameEvents++;
        }
        assertThat(sameEvents).isEqualTo(2000);
    }

    @Test
    void aTrialsPatientIsTheCohortsWithoutItsToxicities() throws Exception {
        // the trial's simulator skips the toxicities' uniforms in each block's stream: everything else the same
        CompiledProtocol p = CompiledProtocol.of(org.trialsim.protocol.builtin.BuiltinProtocols.load("aall1331"));
        var streams = new org.trialsim.simulator.random.RandomStreams(5);
        PatientSimulator cohort = new PatientSimulator(p, streams);
        Patients trial = Patients.general(p, streams);
        long toxicities = 0;
        for (long i = 0; i < 4000; i++) {
            ArmPolicy policy = ArmPolicy.forced((int) (i % p.arms.length));
            PatientOutcome x = cohort.simulate(i, policy, i / 3.0);
            String expected = ClosedFormPatientsTest.describe(x, false);
            for (int k = 0; k < x.pathLength(); k++) {
                toxicities += Long.bitCount(x.pathToxicities(k));
            }
            PatientOutcome y = trial.simulate(i, policy, i / 3.0);
            assertThat(ClosedFormPatientsTest.describe(y, false)).isEqualTo(expected);
            for (int k = 0; k < y.pathLength(); k++) {
                assertThat(y.pathToxicities(k)).isZero();
            }
        }
        assertThat(toxicities).as("the cohort's patients had toxicities").isPositive();
    }
}
