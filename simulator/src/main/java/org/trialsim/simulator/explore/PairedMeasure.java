package org.trialsim.simulator.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialsim.simulator.stats.Estimate;
import org.trialsim.simulator.trial.TrialResult;

/**
 * A figure of one replicate that explore pairs between two cells ({@code Exploration.differences}): one of the
 * sweep's analysis's outcomes ({@link Exploration#MEASURES}: rejected, patients, events, months), or, from the
 * analyses that rejected in the replicate, whether any of a family's comparisons rejected (the family-wise type I
 * error under a global null, the power to find some arm better otherwise), whether all of them did, or whether one
 * comparison of a family other than the sweep's analysis did. The paired difference of two cells is the mean over
 * the replicates of the figure's difference, with its standard error, whatever the figure.
 *
 * @param name     the measure's name in the differences: rejection, patients, events, months; any-rejected and
 *                 all-rejected (with -2, -3, … for the second and later families); rejection-N for analysis N
 * @param outcome  the index of the sweep's analysis's outcome, or -1 for a figure of the rejections
 * @param analyses the analyses (from 0) whose rejections the figure reads; empty for an outcome
 * @param all      whether the figure is 1 when all of them rejected (else when any did)
 */
record PairedMeasure(String name, int outcome, int[] analyses, boolean all) {
    /** The sweep's analysis's outcomes, as {@link Exploration#MEASURES} names them. */
    static final List<PairedMeasure> OUTCOMES = List.of(outcome(0), outcome(1), outcome(2), outcome(3));

    private static PairedMeasure outcome(int index) {
        return new PairedMeasure(Exploration.MEASURES.get(index), index, new int[0], false);
    }

    /**
     * The measure in one replicate.
     *
     * @param outcomes the sweep's analysis's outcomes in the replicate
     * @param rejected the analyses that rejected in it, bit a for analysis a (from 0)
     */
    double of(double[] outcomes, int rejected) {
        if (outcome >= 0) {
            return outcomes[outcome];
        }
        int rejections = 0;
        for (int a : analyses) {
            rejections += rejected >>> a & 1;
        }
        return (all ? rejections == analyses.length : rejections > 0) ? 1 : 0;
    }

    /**
     * A measure with the two cells' own estimates of it, for the unpaired standard error.
     *
     * @param measure the measure
     * @param mine    the cell's estimate
     * @param theirs  the baseline's estimate
     */
    record Pair(PairedMeasure measure, Estimate mine, Estimate theirs) {
    }

    /**
     * The measures on which a cell and its baseline are paired: the sweep's analysis's outcomes, then for each family
     * of comparisons (a multiplicity adjustment's) that both cells have alike — the same comparisons, of the same
     * analyses — any-rejected and all-rejected, and the rejection of each of its comparisons that is not the sweep's
     * analysis (rejection-N for analysis N, once).
     *
     * @param analysis the sweep's analysis, from 1
     */
    static List<Pair> pairable(int analysis, ExploreResult.Cell cell, ExploreResult.Cell baseline) {
        ExploreResult.Figures f = cell.figures();
        ExploreResult.Figures g = baseline.figures();
        Estimate[] mine = {f.rejection(), f.patients(), f.events(), f.months()};
        Estimate[] theirs = {g.rejection(), g.patients(), g.events(), g.months()};
        List<Pair> pairs = new ArrayList<>();
        for (PairedMeasure m : OUTCOMES) {
            pairs.add(new Pair(m, mine[m.outcome()], theirs[m.outcome()]));
        }
        List<TrialResult.Family> families = cell.trial().families() == null ? List.of() : cell.trial().families();
        List<TrialResult.Family> others = baseline.trial().families() == null ? List.of() : baseline.trial().families();
        boolean[] added = new boolean[cell.trial().analyses().size()];
        for (int k = 0; k < families.size(); k++) {
            TrialResult.Family family = families.get(k);
            int[] analyses = analyses(cell.trial(), family);
            if (k >= others.size() || Arrays.stream(analyses).anyMatch(a -> a < 0 || a >= Exploration.MAX_ANALYSES)
                    || !others.get(k).comparisons().equals(family.comparisons())
                    || !Arrays.equals(analyses(baseline.trial(), others.get(k)), analyses)) {
                continue;
            }
            String suffix = k == 0 ? "" : "-" + (k + 1);
            pairs.add(new Pair(new PairedMeasure("any-rejected" + suffix, -1, analyses, false), family.anyRejected(),
                    others.get(k).anyRejected()));
            pairs.add(new Pair(new PairedMeasure("all-rejected" + suffix, -1, analyses, true), family.allRejected(),
                    others.get(k).allRejected()));
            for (int a : analyses) {
                if (a + 1 != analysis && !added[a]) {
                    added[a] = true;
                    pairs.add(new Pair(new PairedMeasure("rejection-" + (a + 1), -1, new int[] {a}, false),
                            cell.trial().analyses().get(a).rejection(), baseline.trial().analyses().get(a).rejection()));
                }
            }
        }
        return pairs;
    }

    /** The analyses (from 0) of the family's comparisons, by their labels, the first of a label; -1 for one not found. */
    private static int[] analyses(TrialResult trial, TrialResult.Family family) {
        int[] analyses = new int[family.comparisons().size()];
        for (int i = 0; i < analyses.length; i++) {
            analyses[i] = -1;
            for (int a = 0; a < trial.analyses().size() && analyses[i] < 0; a++) {
                if (trial.analyses().get(a).label().equals(family.comparisons().get(i))) {
                    analyses[i] = a;
                }
            }
        }
        return analyses;
    }
}
