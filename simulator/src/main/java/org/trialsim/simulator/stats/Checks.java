package org.trialsim.simulator.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Argument checks and the normal quantile shared by the estimators. */
final class Checks {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Checks() {
    }

    /** Checks a confidence level, catching NaN. */
    static double level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
        return level;
    }

    /** The two-sided standard normal quantile for a confidence level: 1.959963984540054 for 0.95. */
    static double z(double level) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - level(level)) / 2);
    }

    /** Checks a binomial count. */
    static void counts(long successes, long trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be positive: " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials = " + trials + "]: " + successes);
        }
    }
}
