package org.trialsim.simulator.design.simon;

import java.util.List;

/**
 * The designs a {@link SimonSearch} found, all exact.
 *
 * @param p0                 the uninteresting response rate
 * @param p1                 the interesting response rate
 * @param alpha              the largest type I error allowed
 * @param beta               the largest type II error allowed
 * @param maxN               the largest total size searched: "optimal" means optimal among designs with
 *                           n up to this
 * @param singleStageSize    the smallest n with which any test (the most powerful single-stage test)
 *                           reaches the power; no design can be smaller
 * @param admissible         the admissible designs from the minimax (first) to the optimal (last), by
 *                           increasing n and decreasing EN(p0); one design when the two coincide
 */
public record SimonSearchResult(double p0, double p1, double alpha, double beta, int maxN, int singleStageSize,
                                List<Candidate> admissible) {

    /** Makes an immutable copy of the list, which must not be empty. */
    public SimonSearchResult {
        admissible = List.copyOf(admissible);
        if (admissible.isEmpty()) {
            throw new IllegalArgumentException("a search result has at least one design");
        }
    }

    /** The minimax design: the smallest n, ties broken by the smaller EN(p0). */
    public Candidate minimax() {
        return admissible.get(0);
    }

    /** The optimal design: the smallest EN(p0) among designs with n up to {@link #maxN()}. */
    public Candidate optimal() {
        return admissible.get(admissible.size() - 1);
    }

    /**
     * Whether the optimal design's n is within 10% of the largest size searched, so that a larger
     * {@code maxN} might find a design with a still smaller EN(p0).
     */
    public boolean optimalNearLimit() {
        return optimal().design().n() > 0.9 * maxN;
    }

    /**
     * One design found, with its exact operating characteristics under p0 and p1.
     *
     * @param design   the design
     * @param underP0  at p0: {@code rejectProbability} is the exact type I error, also PET(p0) and EN(p0)
     * @param underP1  at p1: {@code rejectProbability} is the exact power
     * @param qLow     the smallest weight q for which the design minimises q·n + (1 − q)·EN(p0)
     * @param qHigh    the largest such weight (1 for the minimax design, and the optimal's qLow is 0)
     */
    public record Candidate(SimonDesign design, OperatingCharacteristics underP0, OperatingCharacteristics underP1,
                            double qLow, double qHigh) {

        /** The exact type I error. */
        public double alpha() {
            return underP0.rejectProbability();
        }

        /** The exact power. */
        public double power() {
            return underP1.rejectProbability();
        }
    }
}
