package org.trialsim.simulator.analysis;

import org.trialsim.simulator.stats.Interval;

/**
 * The Kaplan–Meier comparison of two arms at a landmark time ({@link KaplanMeier}).
 *
 * <p>Sign convention: the difference is experimental minus control survival, so here a
 * <em>positive</em> z favours the experimental arm (unlike the hazard-based log-rank and Cox
 * statistics). {@link #pOneSided()} is against the alternative that the experimental arm has the
 * higher survival at the landmark. When both standard errors are 0 the z and p-values are NaN.
 *
 * @param time the landmark time
 * @param survivalExperimental Ŝ₁(t)
 * @param standardErrorExperimental Greenwood standard error of Ŝ₁(t)
 * @param survivalControl Ŝ₀(t)
 * @param standardErrorControl Greenwood standard error of Ŝ₀(t)
 * @param difference Ŝ₁(t) − Ŝ₀(t)
 * @param standardError √(SE₁² + SE₀²), the arms being independent
 * @param z difference / standardError
 * @param pOneSided 1 − Φ(z)
 * @param pTwoSided 2(1 − Φ(|z|))
 */
public record LandmarkDifference(double time, double survivalExperimental, double standardErrorExperimental,
                                 double survivalControl, double standardErrorControl,
                                 double difference, double standardError, double z,
                                 double pOneSided, double pTwoSided) {
    /**
     * The Wald interval of the difference, difference ± z·SE (not truncated to [−1, 1]).
     *
     * @param level two-sided confidence level in (0, 1)
     * @return the interval
     */
    public Interval differenceInterval(double level) {
        double half = Normal.zForLevel(level) * standardError;
        return new Interval(difference - half, difference + half);
    }
}
