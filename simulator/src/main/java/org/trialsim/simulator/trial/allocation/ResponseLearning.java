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
    /** {@link #stopReason()}: an arm other than the control was likely enough to be best. */
    int STOP_SUPERIORITY = 1;
    /** {@link #stopReason()}: no arm was likely enough to be better than the control. */
    int STOP_FUTILITY = 2;

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

    /** Why an update stopped the trial in the replicate ({@link #STOP_SUPERIORITY}, {@link #STOP_FUTILITY}), or 0 if none did. */
    default int stopReason() {
        return 0;
    }

    /** The calendar day of the update that stopped the trial (the scheduled day of an update by days), or NaN if none did. */
    default double stopDay() {
        return Double.NaN;
    }
}
