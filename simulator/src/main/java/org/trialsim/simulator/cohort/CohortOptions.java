package org.trialsim.simulator.cohort;

import java.util.List;

/**
 * What a cohort simulation runs.
 *
 * @param patients virtual patients per arm
 * @param seed     the seed: the same seed gives the same result for any thread count
 * @param threads  worker threads
 * @param arm      the one arm to simulate, or null for every arm
 * @param subgroups conditions over a patient's state (in which {@code risk} is the risk group at
 *                 enrolment): each adds the arms' results among the enrolled patients who meet it
 * @param cuts     follow-up windows: each adds to every arm the first events a data cut with that
 *                 follow-up would count ({@link CohortResult.DataCut})
 * @param versus   control arms: each adds to every other arm simulated its hazard ratio against that arm
 *                 ({@link CohortResult.HazardRatio}); each must be simulated
 */
public record CohortOptions(long patients, long seed, int threads, String arm, List<String> subgroups, List<FollowUpWindow> cuts,
                            List<String> versus) {
    /** The most patients a run accepts (memory does not grow with it, only time). */
    public static final long MAX_PATIENTS = 10_000_000_000L;
    /** The most patients per arm a run with hazard ratios accepts: the Cox fit counts the patients at risk in an int. */
    public static final long MAX_PATIENTS_FOR_HAZARD_RATIOS = Integer.MAX_VALUE;

    public CohortOptions {
        if (!(patients > 0 && patients <= MAX_PATIENTS)) {
            throw new IllegalArgumentException("patients must be between 1 and " + MAX_PATIENTS + ", not " + patients);
        }
        if (!(threads > 0 && threads <= 1024)) {
            throw new IllegalArgumentException("threads must be between 1 and 1024, not " + threads);
        }
        subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
        cuts = cuts == null ? List.of() : cuts.stream().distinct().toList();
        versus = versus == null ? List.of() : versus.stream().distinct().toList();
        if (!versus.isEmpty() && patients > MAX_PATIENTS_FOR_HAZARD_RATIOS) {
            throw new IllegalArgumentException("a hazard ratio is fitted for at most " + MAX_PATIENTS_FOR_HAZARD_RATIOS
                    + " patients per arm, not " + patients);
        }
    }

    /** Options without hazard ratios. */
    public CohortOptions(long patients, long seed, int threads, String arm, List<String> subgroups, List<FollowUpWindow> cuts) {
        this(patients, seed, threads, arm, subgroups, cuts, List.of());
    }

    /** Options without data cuts. */
    public CohortOptions(long patients, long seed, int threads, String arm, List<String> subgroups) {
        this(patients, seed, threads, arm, subgroups, List.of());
    }

    /** Options without subgroups. */
    public CohortOptions(long patients, long seed, int threads, String arm) {
        this(patients, seed, threads, arm, List.of(), List.of());
    }

    /**
     * The given number of patients per arm, every arm, seed 1, as many threads as processors (at most
     * 1024).
     */
    public static CohortOptions of(long patients) {
        return new CohortOptions(patients, 1, Math.min(1024, Runtime.getRuntime().availableProcessors()), null);
    }

    /** The same options with another seed. */
    public CohortOptions seed(long value) {
        return new CohortOptions(patients, value, threads, arm, subgroups, cuts, versus);
    }

    /** The same options on another number of threads: the result does not depend on it. */
    public CohortOptions threads(int count) {
        return new CohortOptions(patients, seed, count, arm, subgroups, cuts, versus);
    }

    /** The same options for one arm only (null: every arm). */
    public CohortOptions arm(String id) {
        return new CohortOptions(patients, seed, threads, id, subgroups, cuts, versus);
    }

    /** The same options with these subgroups (conditions; the same condition twice is run once). */
    public CohortOptions subgroups(List<String> conditions) {
        return new CohortOptions(patients, seed, threads, arm, conditions.stream().distinct().toList(), cuts, versus);
    }

    /** The same options with these data cuts (the same window twice is reported once). */
    public CohortOptions cuts(List<FollowUpWindow> windows) {
        return new CohortOptions(patients, seed, threads, arm, subgroups, windows, versus);
    }

    /** The same options with hazard ratios of every other arm against each of these control arms. */
    public CohortOptions versus(List<String> controls) {
        return new CohortOptions(patients, seed, threads, arm, subgroups, cuts, controls);
    }
}
