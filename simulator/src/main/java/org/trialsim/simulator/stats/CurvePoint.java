package org.trialsim.simulator.stats;

/**
 * A survival curve or cumulative incidence curve read at one time.
 *
 * @param timeDays the time read, in days from the origin
 * @param atRisk the number at risk at {@code timeDays}: those whose day bin is not before it (see
 *     {@link SurvivalAccumulator} for the binning), as in R's {@code summary(fit, times = ...)}
 * @param events the cumulative number of events counted by the curve up to {@code timeDays}: events of
 *     any cause for a Kaplan–Meier curve, events of the curve's cause for a cumulative incidence
 * @param estimate the survival probability or cumulative incidence at {@code timeDays}
 * @param standardError its standard error (Greenwood for survival, delta method for cumulative
 *     incidence); NaN where undefined
 * @param lower the lower confidence limit; NaN where undefined
 * @param upper the upper confidence limit; NaN where undefined
 */
public record CurvePoint(
        double timeDays, long atRisk, long events, double estimate, double standardError, double lower,
        double upper) {

    /** The confidence interval {@code [lower, upper]}. */
    public Interval interval() {
        return new Interval(lower, upper);
    }
}
