package org.trialsim.simulator.design.escalation;

/**
 * A Monte Carlo estimate and its standard error.
 *
 * @param value         the estimate
 * @param standardError its Monte Carlo standard error: the spread of the estimate over repeated runs
 *                      with different seeds; 0 when every replicate gave the same value
 */
public record Estimate(double value, double standardError) {
}
