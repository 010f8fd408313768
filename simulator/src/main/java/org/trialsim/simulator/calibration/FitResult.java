package org.trialsim.simulator.calibration;

import java.util.List;

/**
 * What a fit found: each parameter's value before and after, the targets against the cohort simulated
 * before and after (on the same virtual patients), the distance the fit minimized, and how the search
 * ended.
 *
 * @param parameters     each parameter, with its start, bounds and fitted value
 * @param before         the targets against the protocol as given
 * @param after          the targets against the protocol with the fitted values
 * @param distanceBefore the weighted distance of the protocol as given ({@link Fitting#distance})
 * @param distanceAfter  the weighted distance with the fitted values
 * @param evaluations    the cohorts simulated by the search (the one with the rounded fitted values not counted)
 * @param maxEvaluations the search's limit
 * @param converged      whether the search narrowed to its tolerance; false if it used every evaluation first
 * @param infeasible     the evaluations whose protocol was invalid (values that break a rule tying several
 *                       fields together), which the search moved away from
 */
public record FitResult(List<FitParameter> parameters, CalibrationResult before, CalibrationResult after, double distanceBefore,
                        double distanceAfter, int evaluations, int maxEvaluations, boolean converged, int infeasible) {

    public FitResult {
        parameters = List.copyOf(parameters);
    }
}
