package org.trialsim.simulator.trial;

/**
 * What one virtual trial gave: each analysis's conclusion, and what each randomized stratum's
 * allocator did over the whole trial.
 *
 * @param analyses        per analysis of the design, its conclusion
 * @param strataCounts    per randomized stratum, patients given each of its arms by the end of accrual
 * @param strataImbalance per randomized stratum, max − min over arms of patients / weight
 * @param factorImbalance per randomized stratum, the same within the level of a randomization factor where it is largest
 * @param strataLeading   per randomized stratum, the arm a response-adaptive allocator ended with the highest
 *                        probability for, or -1 (none: still the ratio, a tie, or an allocator that does not learn)
 * @param strataStopped   per randomized stratum, why its response-adaptive allocator stopped the trial (1 superiority,
 *                        2 futility: {@code ResponseLearning.STOP_*}), 0 if it did not
 * @param strataDropped   per randomized stratum, the arms a response-adaptive allocator dropped, as a bit mask (bit a for arm a)
 */
record ReplicateResult(Conclusion[] analyses, int[][] strataCounts, double[] strataImbalance, double[] factorImbalance,
                       int[] strataLeading, int[] strataDropped, int[] strataStopped) {
}
