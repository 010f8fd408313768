package org.trialsim.simulator.design.simon;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Binomial probabilities for one success probability and every number of trials up to a maximum,
 * computed once so that the design search only adds and multiplies.
 *
 * <p>The probability mass comes from Commons Statistics (accurate in the far tails, where the
 * recurrence from {@code (1-p)^m} would underflow); upper tails are summed from the top, so a small
 * upper tail keeps its relative accuracy instead of being {@code 1 - cdf}.
 */
final class BinomialTable {
    /** pmf[m][k] = P(X = k) for X ~ Bin(m, p). */
    private final double[][] pmf;
    /** sf[m][k] = P(X &gt; k). */
    private final double[][] sf;

    BinomialTable(double p, int maxTrials) {
        pmf = new double[maxTrials + 1][];
        sf = new double[maxTrials + 1][];
        for (int m = 0; m <= maxTrials; m++) {
            double[] f = new double[m + 1];
            BinomialDistribution d = BinomialDistribution.of(m, p);
            for (int k = 0; k <= m; k++) {
                f[k] = d.probability(k);
            }
            double[] upper = new double[m + 1];
            double sum = 0;
            for (int k = m; k >= 0; k--) {
                upper[k] = Math.min(1.0, sum);
                sum += f[k];
            }
            pmf[m] = f;
            sf[m] = upper;
        }
    }

    /** P(X &gt; k) for X ~ Bin(m, p). */
    double sf(int m, int k) {
        if (k < 0) {
            return 1.0;
        }
        return k >= m ? 0.0 : sf[m][k];
    }

    /**
     * The probability that a two-stage design rejects the null hypothesis: more than {@code r1} of the
     * first {@code n1} respond, and more than {@code r} of all {@code n}.
     */
    double reject(int r1, int n1, int r, int n) {
        int n2 = n - n1;
        double[] f = pmf[n1];
        double sum = 0;
        int last = Math.min(r, n1);
        for (int x1 = r1 + 1; x1 <= last; x1++) {
            sum += f[x1] * sf(n2, r - x1);
        }
        // more than r responses in stage 1 alone: rejected whatever stage 2 shows
        sum += sf(n1, r);
        return Math.min(1.0, sum);
    }
}
