package org.trialsim.simulator.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Confidence intervals for a binomial proportion {@code x / n}, such as the rate of MRD negativity or of
 * transplant in a simulated arm, or the power estimated from simulated trials.
 *
 * <ul>
 *   <li>{@link #wilson Wilson} score interval (Wilson, JASA 1927;22:209–12): the interval R's
 *       {@code prop.test(x, n, correct = FALSE)} reports. Coverage close to nominal on average and never
 *       degenerate at {@code x = 0} or {@code x = n}; the choice for reporting simulated rates
 *       (Brown, Cai &amp; DasGupta, Stat. Sci. 2001;16:101–33).
 *   <li>{@link #clopperPearson Clopper–Pearson} exact interval (Biometrika 1934;26:404–13): the interval
 *       of R's {@code binom.test}; coverage at least the nominal level for every true proportion, at the
 *       price of width. The choice when a guarantee is wanted, as for an observed trial response rate.
 * </ul>
 */
public final class BinomialIntervals {
    private BinomialIntervals() {
    }

    /**
     * The Wilson score interval:
     * {@code (x + z²/2)/(n + z²) ± z/(n + z²) · sqrt(x(n − x)/n + z²/4)}, clipped to [0, 1] against
     * rounding.
     *
     * @param successes {@code x}, from 0 to {@code trials}
     * @param trials {@code n}, at least 1
     * @param level the confidence level, in (0, 1), such as 0.95
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Interval wilson(long successes, long trials, double level) {
        Checks.counts(successes, trials);
        double z = Checks.z(level);
        double x = successes;
        double n = trials;
        double z2 = z * z;
        double centre = (x + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt(x * (n - x) / n + z2 / 4);
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(lower, upper);
    }

    /**
     * The Clopper–Pearson exact interval from beta quantiles: lower limit the {@code α/2} quantile of
     * Beta(x, n − x + 1) (0 when x = 0), upper limit the {@code 1 − α/2} quantile of Beta(x + 1, n − x)
     * (1 when x = n), where {@code α = 1 − level}: R's {@code binom.test(x, n)$conf.int}. A one-sided
     * bound at level {@code 1 − α} is the matching limit of the two-sided interval at level {@code 1 − 2α}.
     *
     * @param successes {@code x}, from 0 to {@code trials}
     * @param trials {@code n}, at least 1
     * @param level the confidence level, in (0, 1), such as 0.95
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Interval clopperPearson(long successes, long trials, double level) {
        Checks.counts(successes, trials);
        double tail = (1 - Checks.level(level)) / 2;
        double x = successes;
        double n = trials;
        double lower = successes == 0 ? 0
            : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(tail);
        // The upper tail through the survival function keeps precision when the quantile is near 1.
        double upper = successes == trials ? 1
            : BetaDistribution.of(x + 1, n - x).inverseSurvivalProbability(tail);
        return new Interval(lower, upper);
    }
}
