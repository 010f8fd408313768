package org.trialsim.simulator.analysis;

/**
 * The risk sets of two-arm survival data: one row per distinct event time within a stratum, holding
 * the numbers at risk in each arm just before that time and the numbers of events at it. Log-rank
 * statistics, the Cox partial likelihood with one binary covariate (Breslow or Efron ties) and the
 * Kaplan–Meier estimates depend on the data only through this table.
 *
 * <p>A table made by {@link #build} can be rebuilt in place for the next cut of a trial's patients
 * ({@link #rebuild}), reusing its arrays where they are long enough: the arrays may be longer than
 * {@link #rows()}.
 */
final class EventTable {
    int strata;
    /** Rows of stratum s are {@code stratumStart[s] .. stratumStart[s+1]-1}. */
    int[] stratumStart;
    double[] time;
    int[] atRisk0;
    int[] atRisk1;
    int[] events0;
    int[] events1;

    private EventTable(int strata, int[] stratumStart, double[] time, int[] atRisk0, int[] atRisk1,
                       int[] events0, int[] events1) {
        this.strata = strata;
        this.stratumStart = stratumStart;
        this.time = time;
        this.atRisk0 = atRisk0;
        this.atRisk1 = atRisk1;
        this.events0 = events0;
        this.events1 = events1;
    }

    /** The number of rows (distinct event times summed over strata). */
    int rows() {
        return stratumStart[strata];
    }

    /**
     * A one-stratum table from its rows, already counted (a cohort's per-day counts): the numbers at risk
     * in each arm just before each event time and the events at it.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a count is negative
     */
    static EventTable of(double[] time, int[] atRisk0, int[] atRisk1, int[] events0, int[] events1) {
        int rows = time.length;
        if (atRisk0.length != rows || atRisk1.length != rows || events0.length != rows || events1.length != rows) {
            throw new IllegalArgumentException("every row needs a time, two numbers at risk and two numbers of events");
        }
        for (int r = 0; r < rows; r++) {
            if (atRisk0[r] < events0[r] || atRisk1[r] < events1[r] || events0[r] < 0 || events1[r] < 0) {
                throw new IllegalArgumentException("row " + r + ": events must be between 0 and the number at risk");
            }
        }
        return new EventTable(1, new int[] {0, rows}, time.clone(), atRisk0.clone(), atRisk1.clone(), events0.clone(),
            events1.clone());
    }

    /**
     * Builds the table from times sorted within buckets 4s + 2·arm + event.
     *
     * @param sorted times, ascending within each bucket
     * @param bucketStart start of each bucket, length 4·strata + 1
     * @param strata number of strata
     */
    static EventTable build(double[] sorted, int[] bucketStart, int strata) {
        return new EventTable(strata, new int[0], new double[0], new int[0], new int[0], new int[0], new int[0])
            .rebuild(sorted, bucketStart, strata);
    }

    /**
     * As {@link #build}, into this table's arrays (new ones only where they are too short): for a caller
     * that builds a table per cut and is done with the previous one.
     *
     * @return this table
     */
    EventTable rebuild(double[] sorted, int[] bucketStart, int strata) {
        int capacity = 0;
        for (int s = 0; s < strata; s++) {
            capacity += bucketStart[4 * s + 2] - bucketStart[4 * s + 1];
            capacity += bucketStart[4 * s + 4] - bucketStart[4 * s + 3];
        }
        if (time.length < capacity) {
            time = new double[capacity];
            atRisk0 = new int[capacity];
            atRisk1 = new int[capacity];
            events0 = new int[capacity];
            events1 = new int[capacity];
        }
        if (stratumStart.length < strata + 1) {
            stratumStart = new int[strata + 1];
        }
        this.strata = strata;
        double[] time = this.time;
        int[] n0 = atRisk0;
        int[] n1 = atRisk1;
        int[] d0 = events0;
        int[] d1 = events1;
        int[] stratumStart = this.stratumStart;
        int row = 0;
        for (int s = 0; s < strata; s++) {
            stratumStart[s] = row;
            int c0 = bucketStart[4 * s];
            int c0End = bucketStart[4 * s + 1];
            int e0 = c0End;
            int e0End = bucketStart[4 * s + 2];
            int c1 = e0End;
            int c1End = bucketStart[4 * s + 3];
            int e1 = c1End;
            int e1End = bucketStart[4 * s + 4];
            int risk0 = e0End - c0;
            int risk1 = e1End - c1;
            while (e0 < e0End || e1 < e1End) {
                double first0 = e0 < e0End ? sorted[e0] : Double.POSITIVE_INFINITY;
                double first1 = e1 < e1End ? sorted[e1] : Double.POSITIVE_INFINITY;
                double t = Math.min(first0, first1);
                // Censored strictly before t leave the risk set; censored at t stay in it (R's convention).
                while (c0 < c0End && sorted[c0] < t) {
                    c0++;
                    risk0--;
                }
                while (c1 < c1End && sorted[c1] < t) {
                    c1++;
                    risk1--;
                }
                // which arm has the event at t is a coin toss to the processor's branch predictor: count
                // the first event of each arm without a branch (event times are finite, so an arm without
                // events left is never counted), and only tied events by a loop, which rarely runs
                int dead0 = first0 == t ? 1 : 0;
                e0 += dead0;
                while (e0 < e0End && sorted[e0] == t) {
                    e0++;
                    dead0++;
                }
                int dead1 = first1 == t ? 1 : 0;
                e1 += dead1;
                while (e1 < e1End && sorted[e1] == t) {
                    e1++;
                    dead1++;
                }
                time[row] = t;
                n0[row] = risk0;
                n1[row] = risk1;
                d0[row] = dead0;
                d1[row] = dead1;
                row++;
                risk0 -= dead0;
                risk1 -= dead1;
            }
        }
        stratumStart[strata] = row;
        return this;
    }
}
