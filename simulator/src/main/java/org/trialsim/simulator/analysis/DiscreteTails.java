package org.trialsim.simulator.analysis;

import org.apache.commons.statistics.distribution.DiscreteDistribution;

/**
 * Searches over unimodal discrete distributions for the two-sided "minimum likelihood" p-values of
 * R's {@code binom.test} and {@code fisher.test}: outcomes whose probability is at most the
 * observed one's, with R's relative tolerance 1 + 10⁻⁷ so that outcomes that tie mathematically
 * but differ by rounding are counted, as R counts them.
 */
final class DiscreteTails {
    /** R's {@code relErr} in binom.test and fisher.test. */
    static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private DiscreteTails() {
    }

    /** The smallest i in [from, to] with p(i) ≤ threshold, where p does not increase on [from, to]; to + 1 if none. */
    static int firstAtMost(DiscreteDistribution distribution, int from, int to, double threshold) {
        int lo = from;
        int hi = to + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (distribution.probability(mid) <= threshold) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The largest i in [from, to] with p(i) ≤ threshold, where p does not decrease on [from, to]; from − 1 if none. */
    static int lastAtMost(DiscreteDistribution distribution, int from, int to, double threshold) {
        int lo = from - 1;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (distribution.probability(mid) <= threshold) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
