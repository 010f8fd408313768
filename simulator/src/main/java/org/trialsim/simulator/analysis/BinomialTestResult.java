package org.trialsim.simulator.analysis;

import org.trialsim.simulator.stats.BinomialIntervals;
import org.trialsim.simulator.stats.Interval;

/**
 * The exact binomial test of a response rate against a historical rate ({@link ExactBinomialTest}).
 *
 * @param successes responders x
 * @param trials patients n
 * @param nullRate the historical rate p₀
 * @param pGreater P(X ≥ x) under p₀: against the alternative that the rate exceeds p₀ (the usual
 *     one-sided test of a new treatment's response rate)
 * @param pLess P(X ≤ x) under p₀: against the alternative that the rate is below p₀
 * @param pTwoSided the sum of P(X = i) over outcomes i no more likely than x, as R's
 *     {@code binom.test}
 */
public record BinomialTestResult(int successes, int trials, double nullRate,
                                 double pGreater, double pLess, double pTwoSided) {
    /** The observed rate x/n. */
    public double estimate() {
        return (double) successes / trials;
    }

    /**
     * The two-sided Clopper–Pearson interval of the rate.
     *
     * @param level confidence level in (0, 1)
     * @return the interval
     * @see BinomialIntervals#clopperPearson(long, long, double)
     */
    public Interval clopperPearson(double level) {
        return BinomialIntervals.clopperPearson(successes, trials, level);
    }
}
