package org.trialsim.simulator.trial.allocation;

/**
 * How minimization measures the imbalance among the arms within one factor level, on the counts
 * divided by the arms' weights ({@code x_a = n_a / w_a}), so that counts exactly in the allocation
 * ratio have no imbalance.
 */
public enum ImbalanceMeasure {
    /** The range {@code max_a x_a − min_a x_a}, as in Pocock &amp; Simon's main proposal. */
    RANGE,
    /**
     * The variance of the {@code x_a} (the sum of squared differences between pairs of arms, which is a
     * constant multiple of it). For two arms it orders candidates as the range does within one factor,
     * but summed over several factors it penalises one large imbalance more than several small ones.
     */
    VARIANCE
}
