package org.trialsim.simulator.stats;

/**
 * Monte Carlo standard errors: how far an estimate from {@code n} independent simulated replicates is
 * expected to be from its limit as {@code n → ∞}. Every simulated estimate is reported with one.
 */
public final class MonteCarloError {
    private MonteCarloError() {
    }

    /**
     * The standard error of a proportion {@code p̂ = x / n}: {@code sqrt(p̂(1 − p̂)/n)}. It is 0 when
     * {@code x} is 0 or {@code n}; report a {@link BinomialIntervals#wilson Wilson} interval then.
     *
     * @param successes {@code x}, from 0 to {@code trials}
     * @param trials {@code n}, at least 1
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double ofProportion(long successes, long trials) {
        Checks.counts(successes, trials);
        double p = (double) successes / trials;
        return Math.sqrt(p * (1 - p) / trials);
    }

    /**
     * The standard error of a mean from the sample variance of the replicates: {@code sqrt(s²/n)}.
     *
     * @param sampleVariance {@code s²}, with divisor {@code n − 1}; non-negative
     * @param n the number of replicates, at least 1
     * @throws IllegalArgumentException if an argument is out of range or NaN
     */
    public static double ofMean(double sampleVariance, long n) {
        if (!(sampleVariance >= 0)) {
            throw new IllegalArgumentException("sampleVariance must be non-negative: " + sampleVariance);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        return Math.sqrt(sampleVariance / n);
    }

    /**
     * The standard error of the mean of replicate values: the sample standard deviation (two-pass,
     * divisor {@code n − 1}) over {@code sqrt(n)}. The values are summed in array order, so the result
     * depends only on the values and their order.
     *
     * @param values at least two finite replicate values
     * @throws IllegalArgumentException if there are fewer than two values or one is not finite
     */
    public static double ofMean(double[] values) {
        int n = values.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least two values for a standard error: " + n);
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite: " + v);
            }
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return ofMean(squares / (n - 1), n);
    }
}
