package org.trialsim.simulator.analysis;

import org.trialsim.simulator.stats.Interval;

/**
 * The estimate of a Cox model with treatment as the only covariate ({@link CoxModel#estimate}): the
 * log hazard ratio of the experimental arm against control and its standard error, the same numbers as
 * the {@link CoxResult} of a full fit.
 *
 * @param logHazardRatio β̂ (±∞ where the partial likelihood is monotone, NaN without information)
 * @param standardError  the standard error of β̂ from the observed information at β̂ (NaN unless β̂ is finite)
 */
public record CoxEstimate(double logHazardRatio, double standardError) {
    /**
     * The Wald confidence interval of the hazard ratio, exp(β̂ ± z·SE), as {@link CoxResult#hazardRatioInterval}.
     *
     * @param level two-sided confidence level in (0, 1), e.g. 0.95
     * @return the interval (NaN limits when β̂ is infinite)
     */
    public Interval hazardRatioInterval(double level) {
        double half = Normal.zForLevel(level) * standardError;
        return new Interval(Math.exp(logHazardRatio - half), Math.exp(logHazardRatio + half));
    }

    /**
     * The Wald statistic against a hazard ratio θ₀ under the null: (β̂ − ln θ₀)/SE, negative when the
     * experimental arm does better than θ₀ times the control's hazard; NaN when β̂ is not finite.
     *
     * @param nullHazardRatio θ₀, positive
     */
    public double waldZ(double nullHazardRatio) {
        return (logHazardRatio - Math.log(nullHazardRatio)) / standardError;
    }
}
