package org.trialsim.simulator.trial;

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

    /** Makes room for n patients, all outside the analysis until recorded. */
    void resize(int patients) {
        n = patients;
        if (entry.length < patients) {
            entry = new double[patients];
            eventAfter = new double[patients];
            followUpMax = new double[patients];
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
