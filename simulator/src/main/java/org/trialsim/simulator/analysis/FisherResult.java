package org.trialsim.simulator.analysis;

/**
 * Fisher's exact test of response rates between two arms ({@link FisherExactTest}).
 *
 * @param responsesExperimental responders x₁ on the experimental arm
 * @param patientsExperimental patients n₁ on the experimental arm
 * @param responsesControl responders x₀ on the control arm
 * @param patientsControl patients n₀ on the control arm
 * @param pGreater against the alternative that the experimental rate is higher (odds ratio &gt; 1):
 *     P(X ≥ x₁) for X hypergeometric given the margins
 * @param pLess against the alternative that the experimental rate is lower: P(X ≤ x₁)
 * @param pTwoSided the sum of the probabilities of tables no more likely than the observed one
 */
public record FisherResult(int responsesExperimental, int patientsExperimental,
                           int responsesControl, int patientsControl,
                           double pGreater, double pLess, double pTwoSided) {
}
