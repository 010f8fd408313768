package org.trialsim.simulator.engine;

import org.trialsim.simulator.hazard.PiecewiseConstantHazard;

/**
 * A hazard known in closed form: a multiple of one curve, from enrolment.
 *
 * @param curve      the curve
 * @param multiplier the factor on it (positive)
 */
public record ScaledHazard(PiecewiseConstantHazard curve, double multiplier) {
}
