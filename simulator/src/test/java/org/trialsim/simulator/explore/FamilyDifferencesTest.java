package org.trialsim.simulator.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsim.protocol.io.Sweep;
import org.trialsim.protocol.io.SweepReader;
import org.trialsim.simulator.Simulator;
import org.trialsim.simulator.run.Progress;
import org.trialsim.simulator.trial.ReplicateLook;
import org.trialsim.simulator.trial.TrialOptions;
import org.trialsim.simulator.trial.TrialResult;

/**
 * The paired differences of the family-wise figures of a multi-arm design between cells: two experimental arms against
 * one control (protocols/three-arm-exponential.yaml, Bonferroni), the sweep's analysis the second comparison, one-sided
 * alpha 0.025 against 0.1.
 */
class FamilyDifferencesTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final Path PROTOCOL = Path.of("src/test/resources/protocols/three-arm-exponential.yaml").toAbsolutePath();
    private static final int REPLICATES = 80;
    private static final long SEED = 7;

    /** Per replicate, which analyses (bit a for analysis a + 1) rejected, from an ordinary trial run of the cell's protocol. */
    private static int[] rejections(String alpha, TrialResult[] result) throws Exception {
        int[] rejected = new int[REPLICATES];
        Simulator simulator = new Simulator();
        result[0] = simulator.trial(simulator.load(PROTOCOL.toString(), "design.analysis.alpha=" + alpha),
                new TrialOptions(REPLICATES, SEED, 2, false), Progress.NONE, rows -> {
                    for (ReplicateLook row : rows) {
                        if (row.decision().equals(ReplicateLook.EFFICACY)) {
                            rejected[(int) row.replicate()] |= 1 << (row.analysis() - 1);
                        }
                    }
                });
        return rejected;
    }

    /**
     * Each family figure's paired difference is the mean over the replicates of its difference between the cells,
     * with the standard error sd/√n (sd with divisor n − 1), computed here by hand from the per-replicate rejections
     * of two ordinary trial runs with the same seed: any-rejected (bit 1 or 2), all-rejected (both) and the first
     * comparison's rejection (the sweep's analysis is the second, whose difference is the existing 'rejection').
     * The unpaired standard error is √(se² + se²) of the two cells' own figures. Exact up to the rounding of the
     * square roots (1e-12).
     */
    @Test
    void familyFiguresArePairedReplicateByReplicate() throws Exception {
        Sweep sweep = new SweepReader().read("sweep.yaml", ("""
                protocol: %s
                analysis: 2
                axes:
                  - {name: alpha, kind: design, path: design.analysis.alpha, values: [0.025, 0.1]}
                """.formatted(PROTOCOL.toString().replace('\\', '/'))).getBytes(StandardCharsets.UTF_8), EXAMPLES);
        ExploreResult result = new Simulator().exploration(sweep).run(new ExploreOptions(REPLICATES, SEED, 2), Progress.NONE);
        TrialResult[] base = new TrialResult[1];
        TrialResult[] wide = new TrialResult[1];
        int[] baseline = rejections("0.025", base);
        int[] design = rejections("0.1", wide);
        assertThat(result.cells().get(0).trial().families()).isEqualTo(base[0].families());
        assertThat(result.cells().get(1).trial().families()).isEqualTo(wide[0].families());
        for (String measure : List.of("any-rejected", "all-rejected", "rejection-1")) {
            long s1 = 0;
            long s2 = 0;
            for (int r = 0; r < REPLICATES; r++) {
                int d = figure(measure, design[r]) - figure(measure, baseline[r]);
                s1 += d;
                s2 += (long) d * d;
            }
            double n = REPLICATES;
            double mean = s1 / n;
            double se = Math.sqrt((n * s2 - (double) s1 * s1) / (n * (n - 1)) / n);
            ExploreResult.Difference d = result.differences().stream().filter(x -> x.measure().equals(measure)).findFirst().orElseThrow();
            assertThat(d.design()).isEqualTo("0.1");
            assertThat(d.baseline()).isEqualTo("0.025");
            assertThat(d.difference().value()).as(measure).isCloseTo(mean, within(1e-12));
            assertThat(d.difference().standardError()).as(measure).isCloseTo(se, within(1e-12));
            double mine = own(measure, wide[0]);
            double theirs = own(measure, base[0]);
            assertThat(d.unpairedStandardError()).as(measure).isCloseTo(Math.sqrt(mine * mine + theirs * theirs), within(1e-12));
        }
        // a wider alpha rejects whenever the narrower does, and here sometimes more: the test tests something
        assertThat(result.differences().stream().filter(x -> x.measure().equals("any-rejected")).findFirst().orElseThrow()
                .difference().value()).isPositive();
        assertThat(result.differences()).extracting(ExploreResult.Difference::measure).containsExactly("rejection", "patients", "events",
                "months", "any-rejected", "all-rejected", "rejection-1");
    }

    private static int figure(String measure, int rejected) {
        return switch (measure) {
            case "any-rejected" -> rejected != 0 ? 1 : 0;
            case "all-rejected" -> rejected == 0b11 ? 1 : 0;
            default -> rejected & 1;
        };
    }

    private static double own(String measure, TrialResult trial) {
        return switch (measure) {
            case "any-rejected" -> trial.families().get(0).anyRejected().standardError();
            case "all-rejected" -> trial.families().get(0).allRejected().standardError();
            default -> trial.analyses().get(0).rejection().standardError();
        };
    }

    /** A design without families is paired on the sweep's analysis only, as before. */
    @Test
    void aTwoArmDesignHasNoFamilyDifferences() throws Exception {
        Sweep sweep = new SweepReader().read("sweep.yaml", """
                protocol: two-arm-exponential.yaml
                axes:
                  - {name: alpha, kind: design, path: design.analysis.alpha, values: [0.025, 0.05]}
                """.getBytes(StandardCharsets.UTF_8), EXAMPLES);
        ExploreResult result = new Simulator().exploration(sweep).run(new ExploreOptions(20, 1, 1), Progress.NONE);
        assertThat(result.differences()).extracting(ExploreResult.Difference::measure).containsExactly(List.of("rejection", "patients",
                "events", "months").toArray(new String[0]));
    }
}
