package org.trialsim.simulator.trial.allocation;

import java.util.List;

/**
 * An allocator that learns from the patients' early results: the trial engine tells it the stratum's
 * arms, the calendar day of each allocation before it is made, and each allocated patient's result with
 * the day from which it is known. The allocator must use only the results known by the day it
 * allocates; the engine allocates a stratum's patients in order of allocation day and gives results in
 * no particular order of their days.
 */
public interface ResponseLearning {
    /**
     * The stratum's arms and the design's sample size; called once, before the first allocation.
     *
     * @param armIds      the arms' ids, in the order of the stratum's ratio (the allocator's arm indices)
     * @param sampleSize  the design's sample size, N of a power that grows as n/N
     */
    void arms(List<String> armIds, int sampleSize);

    /** The calendar day of the next allocation; days do not decrease within a replicate. */
    void today(double day);

    /**
     * A patient's early result.
     *
     * @param arm       the arm the patient was given (its index in the stratum)
     * @param knownFrom the calendar day from which the result is known
     * @param response  whether the patient responded
     */
    void result(int arm, double knownFrom, boolean response);

    /**
     * The arm with the highest allocation probability as of the last update, for the report of how often
     * each arm ended in the lead; -1 if the allocation is still the ratio (no update has adapted it) or
     * two arms share the highest probability.
     */
    int leadingArm();

    /** The arms dropped so far in the replicate, as a bit mask over the arm indices (bit a for arm a); 0 if none. */
    default int droppedArms() {
        return 0;
    }
}
