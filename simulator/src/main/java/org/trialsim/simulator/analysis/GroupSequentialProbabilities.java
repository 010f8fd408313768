package org.trialsim.simulator.analysis;

/**
 * Operating characteristics of a {@link GroupSequentialDesign} at one drift: the probability of
 * stopping for efficacy and for futility at each look (looks indexed from 0). At the last look the
 * "futility" probability is that of reaching it and not rejecting.
 */
public final class GroupSequentialProbabilities {
    private final double drift;
    private final double[] fractions;
    private final double[] efficacy;
    private final double[] futility;

    GroupSequentialProbabilities(double drift, double[] fractions, double[] efficacy, double[] futility) {
        this.drift = drift;
        this.fractions = fractions;
        this.efficacy = efficacy;
        this.futility = futility;
    }

    /** The drift δ = E Z at information fraction 1. */
    public double drift() {
        return drift;
    }

    /** The number of looks. */
    public int looks() {
        return efficacy.length;
    }

    /** P(reject H₀ at look k, not before). */
    public double efficacy(int look) {
        return efficacy[look];
    }

    /** P(stop for futility at look k, not before); at the last look, P(reach it and not reject). */
    public double futility(int look) {
        return futility[look];
    }

    /** P(reject H₀ by look k) (rpact's cumulative "rejectionProbabilities"). */
    public double cumulativeEfficacy(int look) {
        double sum = 0;
        for (int k = 0; k <= look; k++) {
            sum += efficacy[k];
        }
        return sum;
    }

    /** The power (the type I error when δ = 0): P(reject H₀ at some look). */
    public double power() {
        return cumulativeEfficacy(efficacy.length - 1);
    }

    /** P(stop at look k, for either reason). */
    public double stop(int look) {
        return efficacy[look] + futility[look];
    }

    /**
     * The expected information fraction at stopping, Σ<sub>k</sub> t<sub>k</sub> P(stop at k); times
     * the maximum number of events it is the expected number of events.
     */
    public double expectedInformationFraction() {
        double expected = 0;
        for (int k = 0; k < efficacy.length; k++) {
            expected += fractions[k] * stop(k);
        }
        return expected;
    }
}
