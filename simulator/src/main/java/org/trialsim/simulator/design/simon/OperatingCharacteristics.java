package org.trialsim.simulator.design.simon;

/**
 * What a two-stage design does when the true response rate is {@code p}; all exact.
 *
 * @param p                      the true response rate
 * @param earlyStopProbability   PET(p): the probability of stopping for futility after stage 1
 * @param expectedSampleSize     EN(p): the expected number of patients enrolled
 * @param rejectProbability      the probability of rejecting the null hypothesis, that is of declaring
 *                               the treatment worth further study: the type I error when {@code p}
 *                               is p0, the power when it is p1
 */
public record OperatingCharacteristics(double p, double earlyStopProbability, double expectedSampleSize,
                                       double rejectProbability) {
}
