package org.trialsim.simulator.trial;

import java.util.List;

/**
 * What one virtual trial concluded, for each of its analyses: the look it stopped at and why, how many
 * patients and events it had then, when, and its effect estimate with a 95% interval (log hazard ratio
 * for survival comparisons, log observed/expected for one arm against history, the rate or rate
 * difference for responses). Mutable while the replicate is analysed, then read once.
 */
final class ReplicateOutcome {
    final int[] look;
    final boolean[] efficacy;
    final boolean[] futility;
    final int[] patients;
    final int[] events;
    final double[] day;
    final double[] estimate;
    final double[] lower;
    final double[] upper;
    final double[] landmark;
    final int[] control;
    final int[] experimental;
    /** Per randomized stratum: patients given each of its arms by the end of accrual. */
    final int[][] strataCounts;
    /** Per randomized stratum: max − min over arms of patients / weight by the end of accrual. */
    final double[] strataImbalance;
    /** Per randomized stratum: the same within the level of a randomization factor where it is largest. */
    final double[] strataFactorImbalance;

    ReplicateOutcome(int analyses, List<RandomizedStratum> strata) {
        look = new int[analyses];
        efficacy = new boolean[analyses];
        futility = new boolean[analyses];
        patients = new int[analyses];
        events = new int[analyses];
        day = new double[analyses];
        estimate = new double[analyses];
        lower = new double[analyses];
        upper = new double[analyses];
        landmark = new double[analyses];
        control = new int[analyses];
        experimental = new int[analyses];
        strataCounts = new int[strata.size()][];
        for (int k = 0; k < strataCounts.length; k++) {
            strataCounts[k] = new int[strata.get(k).arms().size()];
        }
        strataImbalance = new double[strata.size()];
        strataFactorImbalance = new double[strata.size()];
    }

    void decide(int a, int atLook, boolean rejected, boolean stoppedForFutility, int enrolled, int eventCount, double calendarDay,
                double effect, double low, double high, double landmarkDifference) {
        look[a] = atLook;
        efficacy[a] = rejected;
        futility[a] = stoppedForFutility;
        patients[a] = enrolled;
        events[a] = eventCount;
        day[a] = calendarDay;
        estimate[a] = effect;
        lower[a] = low;
        upper[a] = high;
        landmark[a] = landmarkDifference;
    }

    void allocation(int a, int controlPatients, int experimentalPatients) {
        control[a] = controlPatients;
        experimental[a] = experimentalPatients;
    }
}
