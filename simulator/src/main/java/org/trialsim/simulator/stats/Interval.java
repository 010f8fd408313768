package org.trialsim.simulator.stats;

/**
 * A closed interval {@code [lower, upper]}, such as a confidence interval for a probability. Both bounds
 * are NaN when the interval is undefined (for example, the Greenwood interval after a survival curve has
 * dropped to zero).
 *
 * @param lower the lower bound
 * @param upper the upper bound, not less than {@code lower}
 */
public record Interval(double lower, double upper) {
    /** The undefined interval: both bounds NaN. */
    static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /**
     * Checks that the bounds are ordered.
     *
     * @throws IllegalArgumentException if {@code lower > upper} or exactly one bound is NaN
     */
    public Interval {
        if (lower > upper || Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException("interval bounds must satisfy lower <= upper, or both be NaN: ["
                + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code x} lies in the interval, bounds included; false for an undefined interval. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** The width {@code upper − lower}; NaN for an undefined interval. */
    public double width() {
        return upper - lower;
    }
}
