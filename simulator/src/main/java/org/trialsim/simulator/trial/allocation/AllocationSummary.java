package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one allocator did over one trial replicate, for the trial summary.
 *
 * <p>Imbalance is measured on the counts divided by the arms' weights (reduced to lowest terms):
 * {@code max_a n_a/w_a − min_a n_a/w_a}. It is 0 when the counts are exactly in the allocation ratio,
 * and for 1:1 it is the difference between the two arms' counts.
 *
 * @param counts             patients given each arm
 * @param finalImbalance     the imbalance of {@code counts}, after the last patient
 * @param maxImbalance       the largest imbalance after any patient
 * @param marginalImbalance  the largest final imbalance within one level of one factor (0 without factors)
 */
public record AllocationSummary(int[] counts, double finalImbalance, double maxImbalance, double marginalImbalance) {

    /** Copies the counts. */
    public AllocationSummary {
        counts = counts.clone();
    }

    /** A copy of the counts per arm. */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** The number of patients allocated. */
    public int patients() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllocationSummary s && Arrays.equals(counts, s.counts)
                && Double.compare(finalImbalance, s.finalImbalance) == 0 && Double.compare(maxImbalance, s.maxImbalance) == 0
                && Double.compare(marginalImbalance, s.marginalImbalance) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Double.hashCode(finalImbalance) + 7 * Double.hashCode(maxImbalance)
                + 13 * Double.hashCode(marginalImbalance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AllocationSummary[counts=%s, finalImbalance=%.4g, maxImbalance=%.4g, marginalImbalance=%.4g]",
                Arrays.toString(counts), finalImbalance, maxImbalance, marginalImbalance);
    }
}
