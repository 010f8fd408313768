package org.trialsim.simulator.trial.allocation;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Pocock–Simon minimization with the usual extension to unequal ratios (counts divided by the weights).
 * Imbalance is computed exactly in integers scaled by the weights' least common multiple, so ties are
 * ties. Draws per patient: one {@code nextInt} when several arms tie for the least imbalance, then one
 * {@code nextDouble} when {@code p < 1}, then one {@code nextInt} when the other arms are chosen among.
 */
final class MinimizationAllocator extends Allocator {
    private final double p;
    private final boolean variance;
    /** The arms tying for the least imbalance. */
    private final int[] tied;

    MinimizationAllocator(AllocationMethod.Minimization method, int[] weights, int[] factorLevels, UniformRandomProvider rng) {
        super(method, weights, factorLevels, rng);
        this.p = method.p();
        this.variance = method.measure() == ImbalanceMeasure.VARIANCE;
        this.tied = new int[arms];
    }

    @Override
    protected int choose(int[] patientLevels) {
        long best = Long.MAX_VALUE;
        int ties = 0;
        for (int t = 0; t < arms; t++) {
            long g = 0;
            for (int f = 0; f < levels.length; f++) {
                g += imbalanceIfGiven(marginal[f], patientLevels[f] * arms, t);
            }
            if (g < best) {
                best = g;
                ties = 0;
                tied[ties++] = t;
            } else if (g == best) {
                tied[ties++] = t;
            }
        }
        int preferred = ties == 1 ? tied[0] : tied[rng.nextInt(ties)];
        if (p == 1 || rng.nextDouble() < p) {
            return preferred;
        }
        int other = rng.nextInt(arms - 1);
        return other < preferred ? other : other + 1;
    }

    /**
     * The imbalance within one factor level (counts at {@code offset}) if the patient got arm {@code t},
     * scaled: lcm times the range, or lcm² times the sum of squared pairwise differences (which is
     * {@code arms²} times the variance with divisor {@code arms}).
     */
    long imbalanceIfGiven(int[] c, int offset, int t) {
        if (!variance) {
            long max = Long.MIN_VALUE;
            long min = Long.MAX_VALUE;
            for (int a = 0; a < arms; a++) {
                long x = (c[offset + a] + (a == t ? 1 : 0)) * scale[a];
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
            return max - min;
        }
        long sum = 0;
        for (int a = 0; a < arms; a++) {
            long xa = (c[offset + a] + (a == t ? 1 : 0)) * scale[a];
            for (int b = a + 1; b < arms; b++) {
                long d = xa - (c[offset + b] + (b == t ? 1 : 0)) * scale[b];
                sum += d * d;
            }
        }
        return sum;
    }

    @Override
    protected void clear() {
        // the marginal counts, its only state, are cleared by Allocator
    }
}
