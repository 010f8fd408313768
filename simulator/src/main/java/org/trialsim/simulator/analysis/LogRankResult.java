package org.trialsim.simulator.analysis;

/**
 * The result of a two-group log-rank test ({@link LogRankTest}).
 *
 * <p>Sign convention: {@code z = (O₁ − E₁)/√V} for the experimental arm (arm 1), so a
 * <em>negative</em> z means fewer events than expected on the experimental arm, i.e. it favours
 * the experimental arm. {@link #pOneSided()} is the p-value against the alternative that the
 * experimental arm has the lower hazard, Φ(z). When there is no event (V = 0) z, the chi-square and
 * the p-values are NaN: such a look carries no information and cannot reject.
 *
 * @param observedExperimental O₁, events on the experimental arm
 * @param expectedExperimental E₁, events expected on the experimental arm under equal hazards
 * @param observedControl O₀, events on the control arm
 * @param expectedControl E₀, events expected on the control arm under equal hazards
 * @param variance V, the hypergeometric variance of O₁ − E₁ summed over event times (and strata)
 * @param z (O₁ − E₁)/√V, negative favouring the experimental arm
 * @param chiSquare z², the statistic R's {@code survdiff} reports (1 degree of freedom)
 * @param pOneSided Φ(z), against the alternative that the experimental arm is better
 * @param pTwoSided 2(1 − Φ(|z|)), equal to the chi-square p-value
 */
public record LogRankResult(double observedExperimental, double expectedExperimental,
                            double observedControl, double expectedControl,
                            double variance, double z, double chiSquare,
                            double pOneSided, double pTwoSided) {
}
