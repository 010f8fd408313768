package org.trialsim.simulator.trial;

import java.util.Arrays;
import org.trialsim.simulator.analysis.GroupSequentialDesign;

/**
 * When a survival analysis looks at its data: at given shares of a planned number of events (one look
 * or several, with group-sequential boundaries), a number of months after the last enrolment, at a
 * calendar month, or once every patient's follow-up has ended.
 *
 * @param events               the planned events of the final look, or null for a cut by time
 * @param followUpDays         days after the last enrolment, or NaN
 * @param calendarDay          the calendar day of the analysis, or NaN
 * @param informationFractions the share of the planned events at each look, the last 1
 * @param futilityBounds       the z value below which each interim look stops for futility (none: empty)
 * @param boundaries           the efficacy boundaries of the looks
 */
record DataCuts(Integer events, double followUpDays, double calendarDay, double[] informationFractions, double[] futilityBounds,
                GroupSequentialDesign boundaries) {

    /** The number of looks, interim and final. */
    int looks() {
        return informationFractions.length;
    }

    /** Whether look k (from 0) can stop for futility. */
    boolean hasFutilityBound(int k) {
        return k < futilityBounds.length;
    }

    /**
     * The calendar days of the looks at the survival times of one analysis.
     *
     * @param times       the analysis's patients
     * @param lastArrival the calendar day the last patient arrived
     * @param scale       the trial's size relative to the design (1, or more for the large trial that
     *                    estimates the true effect: its planned events scale with it)
     * @param scratch     room for one event day per patient
     */
    double[] days(SurvivalTimes times, double lastArrival, double scale, double[] scratch) {
        if (this.events != null) {
            int events = times.eventDays(scratch);
            // the looks whose planned events happen are at the day of their event, the others at the end of
            // follow-up: a pass over the patients that most replicates, reaching every look, do not need
            double[] cuts = new double[looks()];
            int reached = 0;
            int[] ranks = new int[cuts.length];
            int[] lookOf = new int[cuts.length];
            double end = 0;
            boolean endKnown = false;
            for (int k = 0; k < cuts.length; k++) {
                int target = targetEvents(k, scale);
                if (target <= events) {
                    lookOf[reached] = k;
                    ranks[reached++] = target;
                } else {
                    if (!endKnown) {
                        end = times.endOfFollowUp();
                        endKnown = true;
                    }
                    cuts[k] = end;
                }
            }
            if (reached > 0) {
                double[] days = new double[reached];
                times.kthEventDays(scratch, events, reached == ranks.length ? ranks : Arrays.copyOf(ranks, reached), days);
                for (int r = 0; r < reached; r++) {
                    cuts[lookOf[r]] = days[r];
                }
            }
            return cuts;
        }
        if (!Double.isNaN(calendarDay)) {
            // the large true-effect trial keeps the calendar: its accrual is faster, not longer
            return new double[] {calendarDay};
        }
        double end = times.endOfFollowUp();
        if (!Double.isNaN(followUpDays)) {
            return new double[] {Math.min(lastArrival + followUpDays, Math.max(end, lastArrival))};
        }
        return new double[] {Math.max(end, lastArrival)};
    }

    /** The events that trigger look k; a share that is a whole number of events up to rounding counts as that number. */
    private int targetEvents(int k, double scale) {
        return (int) Math.ceil(informationFractions[k] * events * scale - 1e-9);
    }
}
