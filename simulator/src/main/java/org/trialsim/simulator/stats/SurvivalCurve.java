package org.trialsim.simulator.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trialsim.protocol.TimeUnits;

/**
 * An estimated curve from a {@link SurvivalAccumulator}, immutable: either the Kaplan–Meier survival
 * free of any event, or the Aalen–Johansen cumulative incidence of one cause. It is a right-continuous
 * step function of time with steps at whole days; read it at any time from 0 to the horizon.
 *
 * <h2>Kaplan–Meier</h2>
 * {@code S(t) = ∏_{t_j ≤ t} (1 − d_j / n_j)} over the day bins {@code t_j} with {@code d_j} events
 * (all causes) among {@code n_j} at risk. Greenwood's variance is
 * {@code Var S(t) = S(t)² Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j))}; once the curve has dropped to 0 (everyone
 * at risk had the event) it is undefined and reported as NaN, as R does.
 *
 * <h2>Cumulative incidence (Aalen–Johansen)</h2>
 * For cause {@code k} with {@code d_kj} events in bin {@code t_j},
 * {@code F_k(t) = Σ_{t_j ≤ t} S(t_j−) d_kj / n_j}, where {@code S(t_j−)} is the Kaplan–Meier survival
 * just before {@code t_j}; the incidences of all causes and the survival add up to 1. The variance is
 * the delta-method (Greenwood-type) estimator given by Marubini &amp; Valsecchi (<i>Analysing Survival
 * Data from Clinical Trials and Observational Studies</i>, Wiley 1995, §10.2) and Pintilie
 * (<i>Competing Risks: A Practical Perspective</i>, Wiley 2006, §4.2):
 * <pre>
 * Var F_k(t) = Σ_{t_j ≤ t} [ (F_k(t) − F_k(t_j))² d_j / (n_j (n_j − d_j))
 *                          + S(t_j−)² d_kj (n_j − d_kj) / n_j³
 *                          − 2 (F_k(t) − F_k(t_j)) S(t_j−) d_kj / n_j² ]
 * </pre>
 * (the first term is 0 when {@code n_j = d_j}, since then the incidence no longer changes). With one
 * cause it reduces exactly to Greenwood's formula for {@code 1 − S}. It equals the standard error that
 * R's {@code survfit} reports for Aalen–Johansen curves (survival 3.5, unweighted data). It is not the
 * Aalen-type estimator of {@code cmprsk::cuminc}, which divides by {@code n_j − 1} and is undefined
 * when one patient is at risk.
 *
 * <h2>Reading the curve</h2>
 * At time {@code t} the estimate is that of day bin {@code floor(t)} (the events at times up to
 * {@code floor(t)}, see the binning in {@link SurvivalAccumulator}); the number at risk counts those
 * whose day bin is at least {@code ceil(t)}, as R's {@code summary(fit, times = t)} does for the data
 * with times rounded up to whole days.
 */
public final class SurvivalCurve {
    private final int horizon;
    /** 0 for Kaplan–Meier (any event); otherwise the cause of the cumulative incidence. */
    private final int cause;
    private final ConfidenceTransform transform;
    private final double level;
    private final double z;
    private final long count;
    /** Number at risk after the horizon. */
    private final long beyond;

    // One row per day bin holding at least one observation, in increasing order of day.
    private final int[] day;
    private final long[] atRisk;
    /** All-cause events in the bin. */
    private final long[] events;
    /** Events counted by this curve (all causes, or the cause) up to and including the bin. */
    private final long[] eventsThrough;
    /** The estimate after the bin. */
    private final double[] estimate;
    /** Kaplan–Meier only: Greenwood's sum through the bin. */
    private final double[] greenwood;
    /** Cumulative incidence only: the cause's events in the bin. */
    private final long[] causeEvents;
    /** Cumulative incidence only: all-cause survival just before the bin. */
    private final double[] survivalBefore;

    SurvivalCurve(long[] counts, int horizon, int causes, int cause, ConfidenceTransform transform, double level) {
        if (transform == null) {
            throw new IllegalArgumentException("transform must not be null");
        }
        this.horizon = horizon;
        this.cause = cause;
        this.transform = transform;
        this.level = Checks.level(level);
        this.z = Checks.z(level);
        int stride = causes + 1;

        int rows = 0;
        long total = 0;
        for (int b = 0; b <= horizon; b++) {
            long inBin = 0;
            for (int s = 0; s < stride; s++) {
                inBin += counts[b * stride + s];
            }
            if (inBin != 0) {
                rows++;
            }
            total += inBin;
        }
        long after = 0;
        for (int s = 0; s < stride; s++) {
            after += counts[(horizon + 1) * stride + s];
        }
        this.count = total + after;
        this.beyond = after;

        day = new int[rows];
        atRisk = new long[rows];
        events = new long[rows];
        eventsThrough = new long[rows];
        estimate = new double[rows];
        boolean km = cause == 0;
        greenwood = km ? new double[rows] : null;
        causeEvents = km ? null : new long[rows];
        survivalBefore = km ? null : new double[rows];

        long remaining = count;
        long counted = 0;
        double survival = 1;
        double incidence = 0;
        double sum = 0;
        int r = 0;
        for (int b = 0; b <= horizon; b++) {
            long censored = counts[b * stride];
            long d = 0;
            for (int s = 1; s < stride; s++) {
                d += counts[b * stride + s];
            }
            if (censored + d == 0) {
                continue;
            }
            long dk = km ? d : counts[b * stride + cause];
            double n = remaining;
            day[r] = b;
            atRisk[r] = remaining;
            events[r] = d;
            if (!km) {
                causeEvents[r] = dk;
                survivalBefore[r] = survival;
            }
            if (d > 0) {
                incidence += survival * dk / n;
                sum += d < remaining ? d / (n * (n - d)) : Double.POSITIVE_INFINITY;
                survival = d < remaining ? survival * ((n - d) / n) : 0;
            }
            counted += dk;
            eventsThrough[r] = counted;
            estimate[r] = km ? survival : incidence;
            if (km) {
                greenwood[r] = sum;
            }
            remaining -= censored + d;
            r++;
        }
    }

    /**
     * The curve at one time.
     *
     * @param timeDays days from the origin, from 0 to the horizon
     * @throws IllegalArgumentException if the time is NaN or outside [0, horizon]
     */
    public CurvePoint at(double timeDays) {
        if (!(timeDays >= 0 && timeDays <= horizon)) {
            throw new IllegalArgumentException("timeDays must be in [0, " + horizon + "]: " + timeDays);
        }
        int last = lastRowAtOrBefore((int) Math.floor(timeDays));
        int next = firstRowAtOrAfter((int) Math.ceil(timeDays));
        long n = next < day.length ? atRisk[next] : beyond;
        double p;
        double se;
        long counted;
        if (last < 0) {
            p = cause == 0 ? 1 : 0;
            se = 0;
            counted = 0;
        } else {
            p = estimate[last];
            se = cause == 0 ? greenwoodError(last) : incidenceError(last);
            counted = eventsThrough[last];
        }
        Interval ci = transform.interval(p, se, z);
        return new CurvePoint(timeDays, n, counted, p, se, ci.lower(), ci.upper());
    }

    /**
     * The curve at several times, such as landmarks ({@code 1, 2, 3, 5 × TimeUnits.DAYS_PER_YEAR}).
     *
     * @throws IllegalArgumentException if a time is NaN or outside [0, horizon]
     */
    public List<CurvePoint> at(double... timesDays) {
        List<CurvePoint> points = new ArrayList<>(timesDays.length);
        for (double t : timesDays) {
            points.add(at(t));
        }
        return List.copyOf(points);
    }

    /**
     * The curve at 0, {@code step}, {@code 2·step}, … up to the horizon, such as a monthly curve with
     * {@link TimeUnits#DAYS_PER_MONTH}. Times are computed as {@code i·step}, not by repeated addition.
     *
     * @throws IllegalArgumentException if the step is not positive and finite
     */
    public List<CurvePoint> atEvery(double stepDays) {
        if (!(stepDays > 0 && stepDays < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("stepDays must be positive and finite: " + stepDays);
        }
        List<CurvePoint> points = new ArrayList<>();
        for (long i = 0; i * stepDays <= horizon; i++) {
            points.add(at(i * stepDays));
        }
        return List.copyOf(points);
    }

    /** The last day bin that can be read. */
    public int horizonDays() {
        return horizon;
    }

    /** The number of observations the curve was estimated from. */
    public long count() {
        return count;
    }

    /** The transform of the confidence intervals. */
    public ConfidenceTransform transform() {
        return transform;
    }

    /** The confidence level of the intervals. */
    public double level() {
        return level;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurvivalCurve[%s, n=%d, horizon=%d days, %s %.3g intervals]",
            cause == 0 ? "Kaplan-Meier" : "cumulative incidence of cause " + cause, count, horizon,
            transform.label(), level);
    }

    private double greenwoodError(int row) {
        double s = estimate[row];
        return s == 0 ? Double.NaN : s * Math.sqrt(greenwood[row]);
    }

    private double incidenceError(int row) {
        double f = estimate[row];
        double variance = 0;
        for (int j = 0; j <= row; j++) {
            if (events[j] == 0) {
                continue;
            }
            double n = atRisk[j];
            double d = events[j];
            double dk = causeEvents[j];
            double sBefore = survivalBefore[j];
            double diff = f - estimate[j];
            if (d < n) {
                variance += diff * diff * d / (n * (n - d));
            }
            variance += sBefore * sBefore * dk * (n - dk) / (n * n * n) - 2 * diff * sBefore * dk / (n * n);
        }
        // The terms cancel exactly in some cases (one cause, everyone failing); keep rounding from going below 0.
        return Math.sqrt(Math.max(0, variance));
    }

    private int lastRowAtOrBefore(int bin) {
        int i = Arrays.binarySearch(day, bin);
        return i >= 0 ? i : -i - 2;
    }

    private int firstRowAtOrAfter(int bin) {
        int i = Arrays.binarySearch(day, bin);
        return i >= 0 ? i : -i - 1;
    }
}
