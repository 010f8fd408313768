package org.trialsim.simulator.trial;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Two experimental arms against one control (protocols/three-arm-exponential.yaml: hazard ratios 0.7 and
 * 0.6, 100 patients an arm, one look 12 months after the last enrolment) with the family's alpha shared by
 * Bonferroni or Holm.
 */
class MultiArmTrialTest {
    private static final Path PROTOCOL = Path.of("src/test/resources/protocols/three-arm-exponential.yaml");

    private static LoadedProtocol protocol(String multiplicity) throws Exception {
        return new ProtocolReader().read(PROTOCOL, List.of(Setting.parse("design.analysis.multiplicity=" + multiplicity)));
    }

    private static TrialResult run(String multiplicity, int replicates, int threads, boolean nullScenario) throws Exception {
        return new Simulator().trial(protocol(multiplicity), new TrialOptions(replicates, 11, threads, nullScenario), Progress.NONE);
    }

    /**
     * Under the global null (both experimental arms follow the control's pathway) Bonferroni's family-wise
     * error is P(max(Z₁, Z₂) ≥ z₁₋α/₂) for two log-rank statistics sharing a control, asymptotically
     * standard normal with correlation ½ at 1:1:1:
     * R: library(mvtnorm); c0 <- qnorm(1 - 0.025/2);
     *    1 - pmvnorm(upper = c(c0, c0), corr = matrix(c(1, .5, .5, 1), 2), abseps = 1e-10)   # 0.02323704197
     * 10,000 trials: the estimate lies within 4 of its standard errors (about 0.006) of that, and below
     * alpha plus that much (false failure about 6e-5 each); each comparison rejects at about alpha/2.
     */
    @Test
    void bonferroniKeepsTheFamilyWiseErrorAtAlphaUnderTheGlobalNull() throws Exception {
        int n = 10_000;
        TrialResult r = run("bonferroni", n, 2, true);
        TrialResult.Family f = r.families().get(0);
        assertThat(f.comparisons()).containsExactly("one vs control", "two vs control");
        assertThat(f.control()).isEqualTo("control");
        assertThat(f.alphaPerComparison()).isEqualTo(0.0125);
        double reference = 0.02323704197;
        double se = Math.sqrt(reference * (1 - reference) / n);
        assertThat(f.anyRejected().value()).isBetween(reference - 4 * se, reference + 4 * se).isLessThanOrEqualTo(0.025 + 4 * se);
        double seOne = Math.sqrt(0.0125 * (1 - 0.0125) / n);
        for (TrialResult.AnalysisResult a : r.analyses()) {
            assertThat(a.rejection().value()).isBetween(0.0125 - 4 * seOne, 0.0125 + 4 * seOne);
        }
        // all rejected is the joint upper tail: P(Z₁ ≥ c0, Z₂ ≥ c0) = 2 · 0.0125 − 0.02323704 = 0.00176
        double both = 2 * 0.0125 - reference;
        double seBoth = Math.sqrt(both * (1 - both) / n);
        assertThat(f.allRejected().value()).isBetween(both - 4 * seBoth, both + 4 * seBoth);
    }

    /**
     * Holm's first step is Bonferroni's test of the smallest p-value, so on the same seed it rejects at
     * least one hypothesis in exactly the trials Bonferroni does (under the null and otherwise), and each
     * hypothesis at least as often; under the alternative it rejects both more often, where the second
     * p-value lies between alpha/2 and alpha.
     */
    @Test
    void holmRejectsAtLeastOneExactlyWhenBonferroniDoesAndEachHypothesisAtLeastAsOften() throws Exception {
        for (boolean nullScenario : new boolean[] {true, false}) {
            TrialResult bonferroni = run("bonferroni", 2_000, 2, nullScenario);
            TrialResult holm = run("holm", 2_000, 2, nullScenario);
            TrialResult.Family b = bonferroni.families().get(0);
            TrialResult.Family h = holm.families().get(0);
            assertThat(h.multiplicity()).isEqualTo("holm");
            assertThat(h.anyRejected()).isEqualTo(b.anyRejected());
            assertThat(h.allRejected().value()).isGreaterThanOrEqualTo(b.allRejected().value());
            for (int a = 0; a < 2; a++) {
                assertThat(holm.analyses().get(a).rejection().value()).isGreaterThanOrEqualTo(bonferroni.analyses().get(a).rejection().value());
            }
            if (!nullScenario) {
                assertThat(h.allRejected().value()).isGreaterThan(b.allRejected().value());
            }
        }
    }

    /** Without an adjustment each comparison is at alpha, as before multiplicity existed, and the result has no families. */
    @Test
    void noAdjustmentIsTheDesignAsWithoutOne() throws Exception {
        TrialResult none = run("none", 300, 2, false);
        LoadedProtocol p = new ProtocolReader().read(PROTOCOL, List.of(Setting.parse("design.analysis={alpha: 0.025, followUpMonths: 12}")));
        TrialResult absent = new Simulator().trial(p, new TrialOptions(300, 11, 2, false), Progress.NONE);
        assertThat(none.analyses()).isEqualTo(absent.analyses());
        assertThat(none.families()).isNull();
        assertThat(absent.families()).isNull();
        TrialResult bonferroni = run("bonferroni", 300, 2, false);
        for (int a = 0; a < 2; a++) {
            assertThat(bonferroni.analyses().get(a).rejection().value()).isLessThanOrEqualTo(none.analyses().get(a).rejection().value());
        }
    }

    @Test
    void oneSeedGivesTheSameResultForAnyThreadCount() throws Exception {
        for (String m : List.of("bonferroni", "holm")) {
            TrialResult one = run(m, 60, 1, false);
            assertThat(run(m, 60, 2, false)).isEqualTo(one);
            assertThat(run(m, 60, 7, false)).isEqualTo(one);
        }
    }

    /** The per-replicate rows say what Holm's step-down decided: as many rejections per comparison as the result counts. */
    @Test
    void replicateRowsCarryTheFamilysDecision() throws Exception {
        List<ReplicateLook> rows = new ArrayList<>();
        TrialResult r = new Simulator().trial(protocol("holm"), new TrialOptions(400, 11, 2, false), Progress.NONE, rows::addAll);
        for (int a = 0; a < 2; a++) {
            int analysis = a + 1;
            long efficacy = rows.stream().filter(x -> x.analysis() == analysis && x.decision().equals(ReplicateLook.EFFICACY)).count();
            assertThat(efficacy / 400.0).isEqualTo(r.analyses().get(a).rejection().value());
        }
    }
}
