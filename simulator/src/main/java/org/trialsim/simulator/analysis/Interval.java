package org.trialsim.simulator.analysis;

/**
 * A confidence interval.
 *
 * @param lower lower limit
 * @param upper upper limit
 */
public record Interval(double lower, double upper) {
    /** Whether {@code x} lies in the closed interval. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }
}
