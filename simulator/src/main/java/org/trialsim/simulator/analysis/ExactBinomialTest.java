package org.trialsim.simulator.analysis;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The exact binomial test of a single-arm response rate against a historical rate, with R's
 * {@code binom.test} conventions. Its interval, the Clopper–Pearson interval of {@code binom.test}, is
 * {@link org.trialsim.simulator.stats.BinomialIntervals#clopperPearson}.
 *
 * <p>Probabilities and tails come from Commons Statistics' binomial distribution. The two-sided
 * p-value is R's "minimum likelihood" rule: with d = P(X = x) and m = np₀, it is 1 if x = m, and
 * otherwise P(X ≤ x) plus the opposite tail of outcomes with probability ≤ d·(1 + 10⁻⁷) (or the
 * mirror image for x &gt; m). Commons Statistics' own {@code BinomialTest} is not used: it compares
 * probabilities without R's tolerance, so outcomes that tie exactly (any x against n − x at
 * p₀ = ½; x = 7 against 8 for n = 31, p₀ = ¼) may fall on either side by rounding and its two-sided
 * p-value can miss a whole tail term (0.189 instead of R's 0.263 for x = 13, n = 20, p₀ = ½).
 */
public final class ExactBinomialTest {
    private ExactBinomialTest() {
    }

    /**
     * Tests a response count against a historical rate.
     *
     * @param successes responders x, 0 ≤ x ≤ n
     * @param trials patients n ≥ 1
     * @param nullRate the historical rate p₀ in (0, 1)
     * @return one- and two-sided p-values
     */
    public static BinomialTestResult test(int successes, int trials, double nullRate) {
        checkCounts(successes, trials);
        if (!(nullRate > 0 && nullRate < 1)) {
            throw new IllegalArgumentException("nullRate must be in (0, 1); got " + nullRate);
        }
        BinomialDistribution distribution = BinomialDistribution.of(trials, nullRate);
        double pLess = distribution.cumulativeProbability(successes);
        double pGreater = distribution.survivalProbability(successes - 1);
        return new BinomialTestResult(successes, trials, nullRate, pGreater, pLess,
            twoSided(distribution, successes, trials, nullRate));
    }

    private static double twoSided(BinomialDistribution distribution, int x, int n, double p) {
        double m = n * p;
        if (x == m) {
            return 1;
        }
        double threshold = distribution.probability(x) * DiscreteTails.RELATIVE_TOLERANCE;
        double value;
        if (x < m) {
            // Upper tail: outcomes from ceil(m) on, where the probability does not increase.
            int first = DiscreteTails.firstAtMost(distribution, (int) Math.ceil(m), n, threshold);
            value = pLessOrEqual(distribution, x) + distribution.survivalProbability(first - 1);
        } else {
            // Lower tail: outcomes up to floor(m), where the probability does not decrease.
            int last = DiscreteTails.lastAtMost(distribution, 0, (int) Math.floor(m), threshold);
            value = pLessOrEqual(distribution, last) + distribution.survivalProbability(x - 1);
        }
        return Math.min(1, value);
    }

    private static double pLessOrEqual(BinomialDistribution distribution, int x) {
        return x < 0 ? 0 : distribution.cumulativeProbability(x);
    }

    private static void checkCounts(int successes, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1; got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in [0, trials = " + trials + "]; got " + successes);
        }
    }
}
