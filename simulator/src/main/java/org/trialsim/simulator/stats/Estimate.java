package org.trialsim.simulator.stats;

/**
 * A Monte Carlo estimate and its standard error: what every simulated result (trial operating
 * characteristics, dose-escalation summaries) reports for a quantity that would be exact with
 * infinitely many replicates. Its JSON form is {@code {"value": …, "standardError": …}}.
 *
 * @param value         the estimate
 * @param standardError its Monte Carlo standard error: the spread of the estimate over repeated runs
 *                      with different seeds; 0 when every replicate gave the same value
 */
public record Estimate(double value, double standardError) {
    /**
     * A proportion {@code x / n} of replicates with its standard error
     * {@link MonteCarloError#ofProportion sqrt(p̂(1 − p̂)/n)}; both NaN when {@code n} is 0 (a proportion
     * of nothing, such as the coverage of an interval no replicate could compute).
     *
     * @param count {@code x}, from 0 to {@code n}
     * @param n     the replicates counted, at least 0
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static Estimate ofProportion(long count, long n) {
        if (n == 0 && count == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        return new Estimate((double) count / n, MonteCarloError.ofProportion(count, n));
    }
}
