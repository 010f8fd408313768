package org.trialsim.simulator.trial;

import java.util.Arrays;
import org.trialsim.simulator.analysis.SurvivalData;

/**
 * The survival data of one analysis in one replicate, per patient: when their time starts (calendar
 * day of entry), the days from entry to the event, and the days of follow-up they can have (to the
 * horizon or to loss to follow-up). Cut at a calendar day, this gives each patient's time and status
 * as the analysis sees it then. Reused from replicate to replicate; not thread-safe.
 */
final class SurvivalTimes {
    /** Calendar day the patient's time starts. */
    private double[] entry = new double[0];
    /** Days from entry to the event (+∞: none); NaN: the patient is not in the analysis. */
    private double[] eventAfter = new double[0];
    /** Days from entry to the end of follow-up (the horizon, or loss to follow-up). */
    private double[] followUpMax = new double[0];
    private int n;
    /** Room for the times of the patients in the data at a cut, grouped into buckets. */
    private double[] bucketed = new double[0];
    private int[] bucketStart = new int[0];
    private int[] bucketEnd = new int[0];
    /** Each patient's bucket in the data at the cut being built, -1 if not in it. */
    private int[] bucketOf = new int[0];
    /** Scratch space of {@link Ordering}'s selection and sort: n + 1 counts and n values. */
    private int[] orderingCounts = new int[1];
    private double[] orderingValues = new double[0];
    /** The data at the last cut, refilled in place by the next: a cut allocates nothing. */
    private final SurvivalData data = SurvivalData.reusable();

    /** Makes room for n patients, all outside the analysis until recorded. */
    void resize(int patients) {
        n = patients;
        if (entry.length < patients) {
            entry = new double[patients];
            eventAfter = new double[patients];
            followUpMax = new double[patients];
            orderingCounts = new int[patients + 1];
            orderingValues = new double[patients];
        }
    }

    /** Patient i is not in the analysis. */
    void exclude(int i) {
        eventAfter[i] = Double.NaN;
    }

    /** Patient i enters on a calendar day and has the event a number of days later (+∞: none), followed at most so long. */
    void record(int i, double entryDay, double daysToEvent, double followUpDays) {
        entry[i] = entryDay;
        eventAfter[i] = daysToEvent;
        followUpMax[i] = followUpDays;
    }

    /** Whether patient i counts in the data at the cut: in the analysis and entered by then. */
    boolean inData(int i, double cut) {
        double after = eventAfter[i];
        return after == after && entry[i] <= cut;
    }

    /** The patients who count in the data at the cut. */
    int inData(double cut) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            m += inData(i, cut) ? 1 : 0;
        }
        return m;
    }

    /**
     * Whether patient i's event is observed by the cut: before the end of their follow-up, and on or
     * before the cut day computed as {@link #eventDays} computes event days (so that the event that sets
     * a cut is always counted in it, whatever the rounding of entry + time).
     */
    boolean observedBy(int i, double cut) {
        double after = eventAfter[i];
        return after <= followUpMax[i] && entry[i] + after <= cut;
    }

    /** Patient i's time at the cut: to the event if it is observed, else to censoring by the cut or the end of follow-up. */
    double timeAt(int i, double cut, boolean observed) {
        return observed ? eventAfter[i] : Math.max(0, Math.min(cut - entry[i], followUpMax[i]));
    }

    /**
     * The data at the cut of the patients in the analysis, grouped as {@link SurvivalData} groups them,
     * without the sorting that is not needed: the same data as {@link SurvivalData#of} gives on every
     * patient in the data with {@link #timeAt} and {@link #observedBy}, built in two passes (the first
     * decides each patient's bucket, the second places the times). Only the event times are sorted;
     * the censored times are written from the last patient to the first, which puts them in order when
     * entry days increase with the patient and follow-up is not cut short unevenly (arrival order and no
     * loss to follow-up), and are sorted only where they are not. The data returned are valid until the
     * next call, which refills them in place.
     *
     * @param group   patient i's group: 2·stratum + arm (arm 0 control, 1 experimental)
     * @param strata  unused strata beyond the last one a patient in the data has are left out, as
     *                {@code SurvivalData.of} leaves them out; this is an upper bound (the number of
     *                groups is 2·strata)
     */
    SurvivalData dataAt(double cut, int[] group, int strata) {
        int buckets = 4 * strata;
        if (bucketStart.length < buckets + 1) {
            bucketStart = new int[buckets + 1];
            bucketEnd = new int[buckets];
        }
        if (bucketOf.length < n) {
            bucketOf = new int[n];
        }
        Arrays.fill(bucketStart, 0, buckets + 1, 0);
        // one pass decides each patient's bucket (-1: not in the data), the second only places the times
        int m = 0;
        int lastBucket = 0;
        for (int i = 0; i < n; i++) {
            int b = -1;
            if (inData(i, cut)) {
                b = 2 * group[i] + (observedBy(i, cut) ? 1 : 0);
                bucketStart[b + 1]++;
                lastBucket = Math.max(lastBucket, b);
                m++;
            }
            bucketOf[i] = b;
        }
        // as SurvivalData.of: strata up to the last that holds a patient (at least one)
        int used = 4 * (lastBucket / 4 + 1);
        for (int b = 0; b < used; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        if (bucketed.length < m) {
            bucketed = new double[Math.max(m, n)];
        }
        double[] times = bucketed;
        for (int b = 0; b < used; b++) {
            // events fill their bucket from its start; censored times fill theirs from its end
            bucketEnd[b] = b % 2 == 1 ? bucketStart[b] : bucketStart[b + 1];
        }
        for (int i = 0; i < n; i++) {
            int b = bucketOf[i];
            if (b >= 0) {
                // whether the patient's event is observed is a coin toss to the branch predictor: both
                // times are computed, and the place is bucketEnd[b]++ for an event, --bucketEnd[b] if censored
                int event = b & 1;
                double censored = timeAt(i, cut, false);
                double time = event == 1 ? eventAfter[i] : censored;
                int end = bucketEnd[b];
                times[end - 1 + event] = time;
                bucketEnd[b] = end - 1 + 2 * event;
            }
        }
        for (int b = 0; b < used; b++) {
            int from = bucketStart[b];
            int to = bucketStart[b + 1];
            if (b % 2 == 1 || !ascending(times, from, to)) {
                Ordering.sort(times, from, to, orderingCounts, orderingValues);
            }
        }
        return data.refill(times, m, bucketStart, used);
    }

    private static boolean ascending(double[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (a[i - 1] > a[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the calendar day of every observable event (within follow-up) of the patients in the
     * analysis, in patient order, and returns how many there are.
     */
    int eventDays(double[] into) {
        int events = 0;
        for (int i = 0; i < n; i++) {
            double after = eventAfter[i];
            if (after == after && after <= followUpMax[i]) {
                into[events++] = entry[i] + after;
            }
        }
        return events;
    }

    /**
     * The k-th smallest of the event days {@link #eventDays} wrote, for each k of ranks (each between 1 and
     * the number of events), into {@code into}.
     */
    void kthEventDays(double[] eventDays, int events, int[] ranks, double[] into) {
        Ordering.kthSmallest(eventDays, events, ranks, into, orderingCounts, orderingValues);
    }

    /** The calendar day the last follow-up of a patient in the analysis ends (0 if there is none). */
    double endOfFollowUp() {
        double end = 0;
        for (int i = 0; i < n; i++) {
            double after = eventAfter[i];
            if (after == after) {
                end = Math.max(end, entry[i] + Math.max(0, followUpMax[i]));
            }
        }
        return end;
    }
}
