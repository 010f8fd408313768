package org.trialsim.simulator.trial.allocation;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Acceptance bounds for the stochastic tests, each holding all but {@link #ALPHA} of the distribution
 * the count or statistic has when the code is right: each such check fails by chance with probability
 * at most 1e-4 (for a seed picked at random; the seeds are fixed, so the outcome is too).
 */
final class Bounds {
    /** The chance that one check fails although the code is right. */
    static final double ALPHA = 1e-4;
    /** The one-sided normal quantile for {@link #ALPHA}/2: a z beyond ±Z fails with probability 1e-4. */
    static final double Z = 3.890591886;

    private Bounds() {
    }

    /** The central interval of Binomial(n, p) holding all but {@link #ALPHA}: {lo, hi}. */
    static int[] binomial(int n, double p) {
        BinomialDistribution b = BinomialDistribution.of(n, p);
        return new int[] {b.inverseCumulativeProbability(ALPHA / 2), b.inverseSurvivalProbability(ALPHA / 2)};
    }

    /** The upper {@link #ALPHA} quantile of the chi-squared distribution. */
    static double chiSquared(int degreesOfFreedom) {
        return ChiSquaredDistribution.of(degreesOfFreedom).inverseSurvivalProbability(ALPHA);
    }

    /** Pearson's statistic of observed counts against expected counts. */
    static double pearson(long[] observed, double[] expected) {
        double x = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            x += d * d / expected[i];
        }
        return x;
    }
}
