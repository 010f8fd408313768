package org.trialsim.simulator.engine;

import java.util.List;
import org.trialsim.protocol.HazardCurve;

/**
 * A piecewise-constant hazard over days, compiled from a {@link HazardCurve}: its cumulative hazard
 * and the inverse, which turn an Exp(1) draw into an event time. Immutable.
 */
final class Hazard {
    /** Days per year, for converting rates per person-year. */
    static final double DAYS_PER_YEAR = 365.25;

    private final double[] starts;      // start day of each piece, starts[0] = 0
    private final double[] ratePerDay;  // hazard in each piece
    private final double[] cumulative;  // cumulative hazard at each start

    private Hazard(double[] starts, double[] ratePerDay) {
        this.starts = starts;
        this.ratePerDay = ratePerDay;
        this.cumulative = new double[starts.length];
        for (int i = 1; i < starts.length; i++) {
            cumulative[i] = cumulative[i - 1] + ratePerDay[i - 1] * (starts[i] - starts[i - 1]);
        }
    }

    static Hazard of(HazardCurve curve) {
        if (curve instanceof HazardCurve.Piecewise p) {
            double[] starts = toArray(p.fromDays());
            double[] rates = toArray(p.ratesPerYear());
            for (int i = 0; i < rates.length; i++) {
                rates[i] /= DAYS_PER_YEAR;
            }
            return new Hazard(starts, rates);
        }
        HazardCurve.Survival s = (HazardCurve.Survival) curve;
        int n = s.atDays().size();
        double[] starts = new double[n + 1];
        double[] rates = new double[n + 1];
        double previousDay = 0;
        double previousSurvival = 1;
        for (int i = 0; i < n; i++) {
            double day = s.atDays().get(i);
            double survival = s.survival().get(i);
            starts[i] = previousDay;
            // constant hazard h on (previousDay, day] with exp(-h * (day - previousDay)) = S(day) / S(previousDay)
            rates[i] = Math.log(previousSurvival / survival) / (day - previousDay);
            previousDay = day;
            previousSurvival = survival;
        }
        starts[n] = previousDay;
        rates[n] = s.tailRatePerYear() / DAYS_PER_YEAR;
        return new Hazard(starts, rates);
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /** The cumulative hazard from day 0 to day t (t ≥ 0). */
    double cumulative(double t) {
        int i = piece(t);
        return cumulative[i] + ratePerDay[i] * (t - starts[i]);
    }

    /**
     * The day at which the cumulative hazard reaches h, or +∞ if it never does (a plateau with rate 0
     * at the end).
     */
    double inverse(double h) {
        int i = starts.length - 1;
        while (i > 0 && cumulative[i] > h) {
            i--;
        }
        double rate = ratePerDay[i];
        // later pieces with zero rate may still be followed by positive ones; move through them
        while (true) {
            double end = i + 1 < starts.length ? starts[i + 1] : Double.POSITIVE_INFINITY;
            if (rate > 0) {
                double t = starts[i] + (h - cumulative[i]) / rate;
                if (t <= end) {
                    return t;
                }
            }
            if (i + 1 >= starts.length) {
                return Double.POSITIVE_INFINITY;
            }
            i++;
            rate = ratePerDay[i];
            if (cumulative[i] >= h) {
                return starts[i];
            }
        }
    }

    /** The cumulative hazard between two days (from ≤ to), found with one lookup of the pieces. */
    double between(double from, double to) {
        int i = piece(to);
        double atTo = cumulative[i] + ratePerDay[i] * (to - starts[i]);
        while (i > 0 && starts[i] > from) {
            i--;
        }
        return atTo - (cumulative[i] + ratePerDay[i] * (from - starts[i]));
    }

    /** Whether the hazard is zero everywhere. */
    boolean isZero() {
        for (double r : ratePerDay) {
            if (r > 0) {
                return false;
            }
        }
        return true;
    }

    /** The survival exp(-cumulative(t)). */
    double survival(double t) {
        return Math.exp(-cumulative(t));
    }

    private int piece(double t) {
        int i = starts.length - 1;
        while (i > 0 && starts[i] > t) {
            i--;
        }
        return i;
    }
}
