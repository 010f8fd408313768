package org.trialsim.simulator.trial;

import org.trialsim.protocol.Design;

/**
 * The multiplicity adjustment of a design's families of comparisons (several experimental arms against one
 * control on one endpoint or response), applied to one replicate's conclusions.
 *
 * <p>Bonferroni needs nothing here: each comparison of a family of m already tests at alpha/m, with
 * group-sequential boundaries that spend alpha/m ({@link TrialDesign#cuts(Analysis)}). Holm's step-down
 * (Holm 1979, Scand J Statist 6:65) orders the family's one-sided p-values p(1) ≤ … ≤ p(m) and rejects
 * the hypotheses of p(1) … p(j) where j is the last index with p(i) ≤ alpha/(m − i + 1) for every i ≤ j; it
 * controls the family-wise error rate at alpha whatever the correlation of the tests, and rejects
 * everything Bonferroni rejects. A comparison without a p-value (no events) is never rejected and ends
 * the steps.
 */
final class FamilyAdjustment {
    private FamilyAdjustment() {
    }

    /** The conclusions with Holm's step-down applied to each family, when the design says so; otherwise the same array. */
    static Conclusion[] apply(TrialDesign design, Conclusion[] conclusions) {
        if (design.multiplicity != Design.Analysis.Multiplicity.HOLM) {
            return conclusions;
        }
        Conclusion[] adjusted = conclusions.clone();
        int finalLook = design.looks() - 1;
        for (int[] family : design.families) {
            int[] order = byPValue(family, conclusions);
            boolean rejecting = true;
            for (int j = 0; j < order.length; j++) {
                Conclusion c = conclusions[order[j]];
                rejecting &= c.pValue() <= design.alpha / (order.length - j);
                if (rejecting != c.efficacy()) {
                    adjusted[order[j]] = rejecting ? c.rejectedByFamily(finalLook) : c.keptByFamily();
                }
            }
        }
        return adjusted;
    }

    /** The family's analyses in increasing order of p-value, those without one (NaN) last; ties in the design's order. */
    private static int[] byPValue(int[] family, Conclusion[] conclusions) {
        int[] order = family.clone();
        // insertion sort: a family holds a few comparisons
        for (int i = 1; i < order.length; i++) {
            int a = order[i];
            int j = i - 1;
            while (j >= 0 && before(conclusions[a].pValue(), conclusions[order[j]].pValue())) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = a;
        }
        return order;
    }

    private static boolean before(double p, double q) {
        return q != q ? p == p : p < q;
    }
}
