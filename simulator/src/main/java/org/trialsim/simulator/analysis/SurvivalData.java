package org.trialsim.simulator.analysis;

import java.util.Arrays;

/**
 * Right-censored two-arm survival data at one data cut, sorted once and reduced to a table of risk
 * sets that the log-rank test ({@link LogRankTest}), the Cox model ({@link CoxModel}) and the
 * Kaplan–Meier landmark comparison ({@link KaplanMeier}) all read, so a cut analysed by several
 * tests is sorted only once.
 *
 * <p>Arms are coded {@code 0} = control and {@code 1} = experimental. Strata are coded
 * {@code 0, 1, …, S−1}; a code that no patient carries is an empty stratum and is harmless.
 * Ties follow R's {@code survival} package: a patient censored at time {@code t} is still at risk
 * for the events at {@code t}, and all events at one time form one tied set.
 *
 * <p>Instances are immutable and safe to share between threads, except those made by {@link #reusable()},
 * which each {@link #refill} overwrites. Building one costs O(n log n) (primitive sorts, no boxing) and a
 * few arrays of length n.
 */
public final class SurvivalData {
    /** Whether {@link #refill} may overwrite these data. */
    private final boolean reusable;
    private int size;
    private int strata;
    /** Times sorted within buckets (stratum, arm, event): bucket b = 4s + 2·arm + event. */
    private double[] sorted;
    /** Start of each bucket in {@link #sorted}; 4S + 1 entries (the array may be longer). */
    private int[] bucketStart;
    /** Risk-set table by stratum. */
    private EventTable table;

    private SurvivalData(int size, int strata, double[] sorted, int[] bucketStart) {
        this.reusable = false;
        this.size = size;
        this.strata = strata;
        this.sorted = sorted;
        this.bucketStart = bucketStart;
        this.table = EventTable.build(sorted, bucketStart, strata);
    }

    private SurvivalData() {
        this.reusable = true;
        this.table = EventTable.build(new double[0], new int[5], 1);
        this.sorted = new double[0];
        this.bucketStart = new int[5];
        this.strata = 1;
    }

    /**
     * Empty data to be filled by {@link #refill}, cut after cut: for a caller that analyses many cuts of
     * simulated patients one after another on one thread (a trial's looks, replicate after replicate),
     * so that a cut allocates nothing. Not thread-safe; not to be shared.
     */
    public static SurvivalData reusable() {
        return new SurvivalData();
    }

    /**
     * Unstratified data.
     *
     * @param time follow-up time of each patient (finite, ≥ 0): time to the event or to censoring
     * @param event whether each patient's time ends in an event ({@code false}: censored)
     * @param arm arm of each patient: 0 control, 1 experimental
     * @return the sorted data
     * @throws IllegalArgumentException if the arrays differ in length or hold invalid values
     */
    public static SurvivalData of(double[] time, boolean[] event, int[] arm) {
        return of(time, event, arm, null);
    }

    /**
     * Stratified data.
     *
     * @param time follow-up time of each patient (finite, ≥ 0)
     * @param event whether each patient's time ends in an event
     * @param arm arm of each patient: 0 control, 1 experimental
     * @param stratum stratum of each patient (≥ 0), or {@code null} for one stratum
     * @return the sorted data
     * @throws IllegalArgumentException if the arrays differ in length or hold invalid values
     */
    public static SurvivalData of(double[] time, boolean[] event, int[] arm, int[] stratum) {
        int n = time.length;
        if (event.length != n || arm.length != n || (stratum != null && stratum.length != n)) {
            throw new IllegalArgumentException("time, event, arm" + (stratum == null ? "" : " and stratum")
                + " must have the same length; got " + n + ", " + event.length + ", " + arm.length
                + (stratum == null ? "" : ", " + stratum.length));
        }
        int strata = 1;
        for (int i = 0; i < n; i++) {
            double t = time[i];
            if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("time[" + i + "] must be finite and >= 0; got " + t);
            }
            if (arm[i] != 0 && arm[i] != 1) {
                throw new IllegalArgumentException("arm[" + i + "] must be 0 (control) or 1 (experimental); got " + arm[i]);
            }
            if (stratum != null) {
                if (stratum[i] < 0) {
                    throw new IllegalArgumentException("stratum[" + i + "] must be >= 0; got " + stratum[i]);
                }
                strata = Math.max(strata, stratum[i] + 1);
            }
        }
        int[] start = new int[4 * strata + 1];
        for (int i = 0; i < n; i++) {
            start[bucket(stratum == null ? 0 : stratum[i], arm[i], event[i]) + 1]++;
        }
        for (int b = 0; b < 4 * strata; b++) {
            start[b + 1] += start[b];
        }
        int[] next = Arrays.copyOf(start, 4 * strata);
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[next[bucket(stratum == null ? 0 : stratum[i], arm[i], event[i])]++] = time[i];
        }
        for (int b = 0; b < 4 * strata; b++) {
            Arrays.sort(sorted, start[b], start[b + 1]);
        }
        return new SurvivalData(n, strata, sorted, start);
    }

    /**
     * Data already grouped and sorted, as {@link #of(double[], boolean[], int[], int[])} groups and sorts
     * them: for a caller that builds the buckets directly (a trial analysis cuts the same patients at
     * each look and knows which times come in order) and so need not sort what is sorted. The result is
     * the same as {@code of} on the same patients, whatever their order there.
     *
     * @param sorted      every patient's time (finite, ≥ 0), ascending within each bucket
     * @param bucketStart the start of bucket b = 4·stratum + 2·arm + event (event 1, censored 0) in
     *                    {@code sorted}, for S strata: 4S + 1 non-decreasing entries from 0 to the number
     *                    of patients
     * @return the data, which keep copies of the arrays
     * @throws IllegalArgumentException if the starts do not divide the times into 4S buckets, a time is
     *                                  not finite and ≥ 0, or a bucket is not ascending
     */
    public static SurvivalData ofSortedBuckets(double[] sorted, int[] bucketStart) {
        int buckets = bucketStart.length - 1;
        if (buckets < 4 || buckets % 4 != 0 || bucketStart[0] != 0 || bucketStart[buckets] != sorted.length) {
            throw new IllegalArgumentException("bucketStart must have 4S + 1 entries from 0 to " + sorted.length + "; got "
                + Arrays.toString(bucketStart));
        }
        return ofSortedBuckets(sorted, sorted.length, bucketStart, buckets);
    }

    /**
     * As {@link #ofSortedBuckets(double[], int[])} on the first {@code size} times and the first
     * {@code buckets + 1} starts of the arrays: for a caller that reuses longer arrays from cut to cut,
     * so that the times are copied once.
     *
     * @param sorted      the times in their first {@code size} entries, ascending within each bucket
     * @param size        the number of patients
     * @param bucketStart the start of each bucket in its first {@code buckets + 1} entries, from 0 to {@code size}
     * @param buckets     the number of buckets, 4S for S strata
     * @return the data, which keep copies of the parts of the arrays they use
     * @throws IllegalArgumentException as {@link #ofSortedBuckets(double[], int[])}, or if the arrays are
     *                                  shorter than the sizes given
     */
    public static SurvivalData ofSortedBuckets(double[] sorted, int size, int[] bucketStart, int buckets) {
        if (buckets < 4 || buckets % 4 != 0 || size < 0 || size > sorted.length || bucketStart.length < buckets + 1
                || bucketStart[0] != 0 || bucketStart[buckets] != size) {
            throw new IllegalArgumentException("bucketStart must have 4S + 1 entries from 0 to " + size + "; got "
                + Arrays.toString(Arrays.copyOf(bucketStart, Math.max(0, Math.min(bucketStart.length, buckets + 1)))));
        }
        for (int b = 0; b < buckets; b++) {
            if (bucketStart[b + 1] < bucketStart[b]) {
                throw new IllegalArgumentException("bucketStart must not decrease; got "
                    + Arrays.toString(Arrays.copyOf(bucketStart, buckets + 1)));
            }
            double previous = 0;
            for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                double t = sorted[i];
                if (!(t >= previous) || t == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("sorted[" + i + "] must be finite, >= 0 and no less than the time before it"
                        + " in its bucket; got " + t);
                }
                previous = t;
            }
        }
        return new SurvivalData(size, buckets / 4, Arrays.copyOf(sorted, size), Arrays.copyOf(bucketStart, buckets + 1));
    }

    /**
     * These reusable data, now those of the times given, as {@link #ofSortedBuckets(double[], int, int[], int)}
     * would make them, but holding the caller's arrays instead of copies, and with the risk-set table
     * rebuilt in the arrays of the previous cut. The data are valid while the caller leaves the arrays
     * as they are and until the next refill. The times are not checked: the caller has sorted them.
     *
     * @return these data
     * @throws IllegalStateException    if these data were not made by {@link #reusable()}
     * @throws IllegalArgumentException if the starts do not divide the times into 4S buckets, or the arrays
     *                                  are shorter than the sizes given
     */
    public SurvivalData refill(double[] sorted, int size, int[] bucketStart, int buckets) {
        if (!reusable) {
            throw new IllegalStateException("only data made by SurvivalData.reusable() can be refilled");
        }
        if (buckets < 4 || buckets % 4 != 0 || size < 0 || size > sorted.length || bucketStart.length < buckets + 1
                || bucketStart[0] != 0 || bucketStart[buckets] != size) {
            throw new IllegalArgumentException("bucketStart must have 4S + 1 entries from 0 to " + size + "; got "
                + Arrays.toString(Arrays.copyOf(bucketStart, Math.max(0, Math.min(bucketStart.length, buckets + 1)))));
        }
        this.size = size;
        this.strata = buckets / 4;
        this.sorted = sorted;
        this.bucketStart = bucketStart;
        this.table = table.rebuild(sorted, bucketStart, strata);
        return this;
    }

    private static int bucket(int stratum, int arm, boolean event) {
        return 4 * stratum + 2 * arm + (event ? 1 : 0);
    }

    /** The number of patients. */
    public int size() {
        return size;
    }

    /** The number of strata S (one more than the largest stratum code). */
    public int strata() {
        return strata;
    }

    /** The number of patients in an arm (0 control, 1 experimental). */
    public int patients(int arm) {
        checkArm(arm);
        int count = 0;
        for (int s = 0; s < strata; s++) {
            int b = 4 * s + 2 * arm;
            count += bucketStart[b + 2] - bucketStart[b];
        }
        return count;
    }

    /** The number of events in an arm (0 control, 1 experimental). */
    public int events(int arm) {
        checkArm(arm);
        int count = 0;
        for (int s = 0; s < strata; s++) {
            int b = 4 * s + 2 * arm + 1;
            count += bucketStart[b + 1] - bucketStart[b];
        }
        return count;
    }

    /** The number of events in both arms. */
    public int events() {
        return events(0) + events(1);
    }

    private static void checkArm(int arm) {
        if (arm != 0 && arm != 1) {
            throw new IllegalArgumentException("arm must be 0 (control) or 1 (experimental); got " + arm);
        }
    }

    /** The risk-set table by stratum. */
    EventTable table() {
        return table;
    }

    /** The risk-set table with strata pooled (the stratified table itself when there is one stratum). */
    EventTable pooledTable() {
        if (strata == 1) {
            return table;
        }
        // Gather each (arm, event) bucket across strata, sort, and build a one-stratum table.
        int[] start = new int[5];
        for (int s = 0; s < strata; s++) {
            for (int k = 0; k < 4; k++) {
                start[k + 1] += bucketStart[4 * s + k + 1] - bucketStart[4 * s + k];
            }
        }
        for (int k = 0; k < 4; k++) {
            start[k + 1] += start[k];
        }
        double[] pooled = new double[size];
        int[] next = Arrays.copyOf(start, 4);
        for (int s = 0; s < strata; s++) {
            for (int k = 0; k < 4; k++) {
                int from = bucketStart[4 * s + k];
                int length = bucketStart[4 * s + k + 1] - from;
                System.arraycopy(sorted, from, pooled, next[k], length);
                next[k] += length;
            }
        }
        for (int k = 0; k < 4; k++) {
            Arrays.sort(pooled, start[k], start[k + 1]);
        }
        return EventTable.build(pooled, start, 1);
    }
}
