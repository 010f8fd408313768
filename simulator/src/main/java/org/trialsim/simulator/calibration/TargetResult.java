package org.trialsim.simulator.calibration;

import org.trialsim.protocol.Target;
import org.trialsim.simulator.cohort.CohortResult;

/**
 * One published target against the simulated cohort.
 *
 * <p>The rule (docs/calibration.md): a target is met when the published value lies within the
 * simulated 95% interval for the trial's own number of patients, or the simulated value lies within
 * the published interval. The simulated interval for a trial of n patients is the binomial one,
 * p ± 1.96 √(p(1−p)/n) clipped to [0, 1], with p the proportion from a large virtual cohort (whose own
 * Monte Carlo error is small beside it). For survival at a landmark this ignores censoring, which only
 * makes the interval slightly narrower than the trial's.
 *
 * @param target         the target as the protocol gives it
 * @param simulated      the simulated proportion (a hazard ratio for a hazard-ratio target); null if the cohort has no patients to measure it on
 *                       (e.g. none reached the assessment), and then the target is missed
 * @param simulatedLower the simulated 95% interval at the trial's n, lower limit; null with simulated
 * @param simulatedUpper its upper limit
 * @param met            whether the target is met
 */
public record TargetResult(Target target, Double simulated, Double simulatedLower, Double simulatedUpper, boolean met) {
    private static final double Z = 1.96;

    /** The published target against a simulated proportion (NaN if none could be measured). */
    public static TargetResult of(Target target, double simulated) {
        if (Double.isNaN(simulated)) {
            return new TargetResult(target, null, null, null, false);
        }
        int n = target.n();
        double lower = lower(simulated, n);
        double upper = upper(simulated, n);
        boolean met = matches(target.value(), target.lower() == null ? Double.NaN : target.lower(),
                target.upper() == null ? Double.NaN : target.upper(), simulated, n);
        return new TargetResult(target, simulated, lower, upper, met);
    }

    /**
     * A published hazard ratio against the cohort's (null, or not finite: not measured, and missed). The
     * simulated interval at the trial's n is the cohort's Wald interval widened to n patients in all:
     * exp(β̂ ± 1.96·SE·√(N/n)), N the patients of both arms the cohort's fit counts, since the information
     * of a Cox fit grows with the patients (and their events) in it. The cohort follows every patient to
     * the horizon, so a trial whose cut comes earlier sees fewer events and a wider interval: the verdict
     * is that much stricter than the trial.
     */
    public static TargetResult ofHazardRatio(Target target, CohortResult.HazardRatio hr) {
        if (hr == null || !Double.isFinite(hr.logHazardRatio()) || !Double.isFinite(hr.standardError())) {
            return new TargetResult(target, null, null, null, false);
        }
        double half = Z * hr.standardError() * Math.sqrt((double) (hr.patients() + hr.versusPatients()) / target.n());
        double lower = Math.exp(hr.logHazardRatio() - half);
        double upper = Math.exp(hr.logHazardRatio() + half);
        double published = target.value();
        boolean met = published >= lower && published <= upper
                || target.lower() != null && hr.hazardRatio() >= target.lower() && hr.hazardRatio() <= target.upper();
        return new TargetResult(target, hr.hazardRatio(), lower, upper, met);
    }

    /** The lower limit of the 95% interval a trial of n patients would see around a true proportion p. */
    public static double lower(double p, int n) {
        return Math.max(0, p - Z * Math.sqrt(p * (1 - p) / n));
    }

    /** The upper limit of that interval. */
    public static double upper(double p, int n) {
        return Math.min(1, p + Z * Math.sqrt(p * (1 - p) / n));
    }

    /**
     * The verdict rule: the published value within the simulated interval at n, or the simulated value
     * within the published interval (NaN limits: none was published).
     */
    public static boolean matches(double published, double publishedLower, double publishedUpper, double simulated, int n) {
        boolean publishedInSimulated = published >= lower(simulated, n) && published <= upper(simulated, n);
        boolean simulatedInPublished = !Double.isNaN(publishedLower) && simulated >= publishedLower && simulated <= publishedUpper;
        return publishedInSimulated || simulatedInPublished;
    }
}
