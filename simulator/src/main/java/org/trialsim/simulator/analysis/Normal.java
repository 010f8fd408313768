package org.trialsim.simulator.analysis;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution, with tail-accurate functions (Commons Statistics, via erfc). */
final class Normal {
    private static final ContinuousDistribution STANDARD = NormalDistribution.of(0, 1);
    /** 1 / sqrt(2 pi). */
    static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal() {
    }

    /** Φ(x). */
    static double cdf(double x) {
        return STANDARD.cumulativeProbability(x);
    }

    /** 1 − Φ(x), accurate in the upper tail. */
    static double sf(double x) {
        return STANDARD.survivalProbability(x);
    }

    /** φ(x). */
    static double pdf(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ⁻¹(p). */
    static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** The x with 1 − Φ(x) = p, accurate for small p. */
    static double upperQuantile(double p) {
        return STANDARD.inverseSurvivalProbability(p);
    }

    /** Two-sided p-value 2(1 − Φ(|z|)); NaN for NaN z. */
    static double twoSided(double z) {
        return Math.min(1, 2 * sf(Math.abs(z)));
    }

    /** The z for a two-sided confidence level, e.g. 1.96 for 0.95. */
    static double zForLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1); got " + level);
        }
        return upperQuantile((1 - level) / 2);
    }
}
