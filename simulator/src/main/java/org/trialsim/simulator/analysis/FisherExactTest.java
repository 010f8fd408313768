package org.trialsim.simulator.analysis;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test for a 2×2 table of responders by arm, with R's {@code fisher.test}
 * conventions for the table {@code matrix(c(x1, n1 - x1, x0, n0 - x0), 2, byrow = TRUE)}: rows are
 * the arms (experimental first), columns responder / non-responder, and "greater" means an odds
 * ratio above 1, i.e. a higher experimental response rate.
 *
 * <p>Given all margins, x₁ is hypergeometric: x₁ responders among n₁ draws from n₁ + n₀ patients
 * of whom x₁ + x₀ responded. One-sided p-values are its tails. The two-sided p-value sums the
 * probabilities of all tables with probability ≤ P(observed)·(1 + 10⁻⁷), R's tolerance for ties
 * (which are exact whenever the arms are the same size). The distribution is unimodal, so the two
 * tails are found by binary search and summed with Commons Statistics' tail functions: O(log n)
 * probability evaluations.
 */
public final class FisherExactTest {
    private FisherExactTest() {
    }

    /**
     * Tests equality of the response rates of two arms.
     *
     * @param responsesExperimental x₁, 0 ≤ x₁ ≤ n₁
     * @param patientsExperimental n₁ ≥ 1
     * @param responsesControl x₀, 0 ≤ x₀ ≤ n₀
     * @param patientsControl n₀ ≥ 1
     * @return the p-values
     */
    public static FisherResult test(int responsesExperimental, int patientsExperimental,
                                    int responsesControl, int patientsControl) {
        check("Experimental", responsesExperimental, patientsExperimental);
        check("Control", responsesControl, patientsControl);
        int population = patientsExperimental + patientsControl;
        int responders = responsesExperimental + responsesControl;
        HypergeometricDistribution distribution =
            HypergeometricDistribution.of(population, responders, patientsExperimental);
        int x = responsesExperimental;
        double pLess = distribution.cumulativeProbability(x);
        double pGreater = distribution.survivalProbability(x - 1);

        int lo = distribution.getSupportLowerBound();
        int hi = distribution.getSupportUpperBound();
        int mode = (int) Math.floor((patientsExperimental + 1.0) * (responders + 1.0) / (population + 2.0));
        double threshold = distribution.probability(x) * DiscreteTails.RELATIVE_TOLERANCE;
        int last = DiscreteTails.lastAtMost(distribution, lo, mode, threshold);
        int first = DiscreteTails.firstAtMost(distribution, mode + 1, hi, threshold);
        double lower = last < lo ? 0 : distribution.cumulativeProbability(last);
        double upper = first > hi ? 0 : distribution.survivalProbability(first - 1);
        double pTwoSided = Math.max(0, Math.min(1, lower + upper));
        return new FisherResult(responsesExperimental, patientsExperimental, responsesControl, patientsControl,
            pGreater, pLess, pTwoSided);
    }

    private static void check(String arm, int responses, int patients) {
        if (patients < 1) {
            throw new IllegalArgumentException("patients" + arm + " must be >= 1; got " + patients);
        }
        if (responses < 0 || responses > patients) {
            throw new IllegalArgumentException("responses" + arm + " must be in [0, patients" + arm + " = "
                + patients + "]; got " + responses);
        }
    }
}
