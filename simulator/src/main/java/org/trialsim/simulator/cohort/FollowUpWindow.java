package org.trialsim.simulator.cohort;

import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.TimeUnits;

/**
 * The follow-up of the patients at a data cut: each patient's follow-up from the endpoint's origin is
 * uniform between the shortest and the longest, as with even accrual and one cut (the {@code crude}
 * target's rule, docs/protocol-format.md). Both equal: every patient followed for that long.
 *
 * @param shortestMonths the shortest follow-up at the cut, in months, in [0, 1200]
 * @param longestMonths  the longest, at least the shortest, at most 1200
 */
public record FollowUpWindow(double shortestMonths, double longestMonths) {
    /** The longest follow-up accepted, in months: a century, as for the protocol's own times. */
    public static final double MAX_MONTHS = 1200;

    public FollowUpWindow {
        if (!(shortestMonths >= 0 && shortestMonths <= MAX_MONTHS)) {
            throw new IllegalArgumentException("the shortest follow-up must be between 0 and " + (int) MAX_MONTHS + " months, not "
                    + shortestMonths);
        }
        if (!(longestMonths >= shortestMonths && longestMonths <= MAX_MONTHS)) {
            throw new IllegalArgumentException("the longest follow-up must be between the shortest (" + shortestMonths + ") and "
                    + (int) MAX_MONTHS + " months, not " + longestMonths);
        }
    }

    /** The window of a target's or an option's two numbers, the shortest first. */
    public static FollowUpWindow of(List<Double> months) {
        if (months.size() != 2) {
            throw new IllegalArgumentException("a follow-up window is two numbers, not " + months.size());
        }
        return new FollowUpWindow(months.get(0), months.get(1));
    }

    /** The two numbers, shortest first, as a target gives them and the JSON writes them. */
    public List<Double> months() {
        return List.of(shortestMonths, longestMonths);
    }

    /**
     * The chance that a patient's follow-up reaches day {@code day} (an event in day bin d is seen when
     * the follow-up is at least d days): 1 up to the shortest follow-up, falling linearly to 0 at the
     * longest.
     */
    double reaches(int day) {
        double a = shortestMonths * TimeUnits.DAYS_PER_MONTH;
        double b = longestMonths * TimeUnits.DAYS_PER_MONTH;
        if (day <= a) {
            return 1;
        }
        if (day >= b) {
            return 0;
        }
        return (b - day) / (b - a);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s–%s months", trim(shortestMonths), trim(longestMonths));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
