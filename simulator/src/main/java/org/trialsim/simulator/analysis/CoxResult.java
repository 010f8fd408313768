package org.trialsim.simulator.analysis;

import org.trialsim.simulator.stats.Interval;

/**
 * The fit of a Cox proportional hazards model with treatment as the only covariate
 * ({@link CoxModel}).
 *
 * <p>The coefficient β is the log hazard ratio of the experimental arm (1) against control (0), so
 * β &lt; 0 and a negative {@link #waldZ()} or {@link #scoreZ()} favour the experimental arm, as in
 * {@link LogRankResult}. One-sided p-values are against the alternative that the experimental arm
 * has the lower hazard.
 *
 * <p>When the partial likelihood is monotone the maximum likelihood estimate is infinite: β is
 * −∞ when no experimental-arm event happens while a control patient is at risk (for example no
 * experimental event at all) and +∞ in the mirror case. Then the standard error, the Wald
 * statistics and the likelihood-ratio statistic are NaN, but the score test, computed at β = 0, is
 * still valid. With no informative event at all every statistic is NaN.
 *
 * @param ties how tied event times were handled
 * @param logHazardRatio β̂, the maximum partial likelihood estimate
 * @param standardError the standard error of β̂ from the observed information at β̂
 * @param waldZ β̂ / SE
 * @param pWaldOneSided Φ(waldZ)
 * @param pWaldTwoSided 2(1 − Φ(|waldZ|))
 * @param scoreZ U(0)/√I(0), the signed square root of the score (log-rank) statistic
 * @param pScoreOneSided Φ(scoreZ)
 * @param pScoreTwoSided 2(1 − Φ(|scoreZ|))
 * @param logLikelihoodNull the log partial likelihood at β = 0
 * @param logLikelihood the log partial likelihood at β̂
 * @param likelihoodRatioChiSquare 2(ℓ(β̂) − ℓ(0)), 1 degree of freedom
 * @param iterations Newton–Raphson iterations used
 */
public record CoxResult(CoxModel.Ties ties, double logHazardRatio, double standardError,
                        double waldZ, double pWaldOneSided, double pWaldTwoSided,
                        double scoreZ, double pScoreOneSided, double pScoreTwoSided,
                        double logLikelihoodNull, double logLikelihood, double likelihoodRatioChiSquare,
                        int iterations) {
    /** The hazard ratio exp(β̂), experimental over control. */
    public double hazardRatio() {
        return Math.exp(logHazardRatio);
    }

    /** The Wald χ² = waldZ², as R's {@code summary(coxph)} reports. */
    public double waldChiSquare() {
        return waldZ * waldZ;
    }

    /** The score χ² = scoreZ², as R's {@code summary(coxph)} reports ("Score (logrank) test"). */
    public double scoreChiSquare() {
        return scoreZ * scoreZ;
    }

    /**
     * The Wald confidence interval of the hazard ratio, exp(β̂ ± z·SE).
     *
     * @param level two-sided confidence level in (0, 1), e.g. 0.95
     * @return the interval (NaN limits when β̂ is infinite)
     */
    public Interval hazardRatioInterval(double level) {
        return new CoxEstimate(logHazardRatio, standardError).hazardRatioInterval(level);
    }
}
