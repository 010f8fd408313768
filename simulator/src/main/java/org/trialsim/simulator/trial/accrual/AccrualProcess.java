package org.trialsim.simulator.trial.accrual;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.trialsim.protocol.TimeUnits;

/**
 * An {@link AccrualPlan} compiled for sampling: arrival days of a non-homogeneous Poisson process and
 * days to loss to follow-up, written into the caller's primitive arrays. Immutable and thread-safe.
 * Time is in days from the start of accrual; a month is {@value TimeUnits#DAYS_PER_MONTH} days and a year
 * {@value TimeUnits#DAYS_PER_YEAR}.
 *
 * <p><b>Arrivals by time transformation.</b> With intensity {@code λ(t)} and cumulative intensity
 * {@code Λ(t) = ∫₀ᵗ λ}, the times {@code Λ⁻¹(S_i)}, where {@code S_i} are the arrival times of a
 * unit-rate Poisson process (sums of standard exponentials), are exactly the arrival times of the
 * process with intensity {@code λ} (Çinlar 1975, <i>Introduction to Stochastic Processes</i>, §4.5).
 * {@code Λ} is quadratic over the ramp-up ({@code Λ(t) = r t²/(2R)}) and linear on each later piece, so
 * its inverse is closed-form: each patient costs one exponential, a square root or a division, and no
 * rejection. Thinning (Lewis &amp; Shedler 1979) would be exact too, but uses a random number of draws per
 * patient; the transformation uses exactly one, so the i-th patient's arrival is a monotone function of
 * the same {@code S_i} under every accrual plan, and two plans compared on one stream differ only where
 * the plans do (common random numbers): doubling every rate halves every arrival day.
 *
 * <p><b>Loss to follow-up.</b> Each patient's time from enrolment to loss is exponential with rate
 * {@code dropoutPerYear / 365.25} per day, or infinite when the rate is 0 (no draws then); it too is a
 * standard exponential scaled by the mean, so different dropout rates are compared on the same draws.
 */
public final class AccrualProcess {

    private final AccrualPlan plan;
    /** Length of the ramp-up in days; 0 for none. */
    private final double rampDays;
    /** Λ at the end of the ramp-up. */
    private final double rampArrivals;
    /** Start day of each constant piece after the ramp-up. */
    private final double[] start;
    /** Rate of each piece, patients per day. */
    private final double[] rate;
    /** Λ at the start of each piece. */
    private final double[] cumulative;
    /** Mean days to loss to follow-up; infinite for none. */
    private final double dropoutMeanDays;

    private AccrualProcess(AccrualPlan plan) {
        this.plan = plan;
        this.rampDays = plan.rampUpMonths() * TimeUnits.DAYS_PER_MONTH;
        double full = plan.patientsPerMonth() / TimeUnits.DAYS_PER_MONTH;
        this.rampArrivals = full * rampDays / 2;
        int n = 1 + plan.changes().size();
        start = new double[n];
        rate = new double[n];
        cumulative = new double[n];
        start[0] = rampDays;
        rate[0] = full;
        cumulative[0] = rampArrivals;
        for (int i = 1; i < n; i++) {
            AccrualPlan.RateChange c = plan.changes().get(i - 1);
            start[i] = c.fromMonth() * TimeUnits.DAYS_PER_MONTH;
            rate[i] = c.patientsPerMonth() / TimeUnits.DAYS_PER_MONTH;
            cumulative[i] = cumulative[i - 1] + rate[i - 1] * (start[i] - start[i - 1]);
        }
        this.dropoutMeanDays = plan.dropoutPerYear() == 0 ? Double.POSITIVE_INFINITY : TimeUnits.DAYS_PER_YEAR / plan.dropoutPerYear();
    }

    /** Compiles a plan. */
    public static AccrualProcess of(AccrualPlan plan) {
        if (plan == null) {
            throw new IllegalArgumentException("plan must not be null");
        }
        return new AccrualProcess(plan);
    }

    /** The plan. */
    public AccrualPlan plan() {
        return plan;
    }

    /** The arrival rate {@code λ(t)} on a day, in patients per day (right-continuous at rate changes). */
    public double rate(double day) {
        if (!(day >= 0)) {
            return 0;
        }
        if (day < rampDays) {
            return rate[0] * day / rampDays;
        }
        return rate[piece(day)];
    }

    /** The expected number of arrivals by a day, {@code Λ(t)}. */
    public double expectedArrivals(double day) {
        if (!(day > 0)) {
            return 0;
        }
        if (day < rampDays) {
            return rampArrivals * (day / rampDays) * (day / rampDays);
        }
        int i = piece(day);
        return cumulative[i] + rate[i] * (day - start[i]);
    }

    /**
     * The first day by which {@code m} arrivals are expected, {@code Λ⁻¹(m)}: the inverse of
     * {@link #expectedArrivals}; at a suspension of accrual the day it resumes.
     *
     * @param m a finite, non-negative number of arrivals
     */
    public double dayOfExpectedArrivals(double m) {
        if (!(m >= 0 && m < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("m must be finite and non-negative: " + m);
        }
        if (m < rampArrivals) {
            return rampDays * Math.sqrt(m / rampArrivals);
        }
        int i = 0;
        while (i + 1 < start.length && cumulative[i + 1] <= m) {
            i++;
        }
        return invert(i, m);
    }

    /** Mean days from enrolment to loss to follow-up; infinite when there is none. */
    public double dropoutMeanDays() {
        return dropoutMeanDays;
    }

    /**
     * Writes the arrival days of the first {@code n} patients, increasing, into {@code days[0 … n)}.
     * Draws {@code n} standard exponentials from {@code rng} (Commons RNG's ziggurat sampler), nothing else.
     *
     * @throws IllegalArgumentException if {@code n} is negative or the array is too short
     */
    public void arrivalDays(UniformRandomProvider rng, double[] days, int n) {
        checkSpace(days, n);
        ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
        double s = 0;
        int i = 0;
        for (int k = 0; k < n; k++) {
            s += exponential.sample();
            if (s < rampArrivals) {
                days[k] = rampDays * Math.sqrt(s / rampArrivals);
                continue;
            }
            while (i + 1 < start.length && cumulative[i + 1] <= s) {
                i++;
            }
            days[k] = invert(i, s);
        }
    }

    /**
     * Writes evenly spaced arrival days into {@code days[0 … n)}: the k-th patient (from 1) at
     * {@code Λ⁻¹(k)}, the day by which k arrivals are expected, as sample-size software such as rpact
     * places them. Draws nothing.
     *
     * @throws IllegalArgumentException if {@code n} is negative or the array is too short
     */
    public void regularArrivalDays(double[] days, int n) {
        checkSpace(days, n);
        for (int k = 0; k < n; k++) {
            days[k] = dayOfExpectedArrivals(k + 1);
        }
    }

    /**
     * Writes each of {@code n} patients' days from enrolment to loss to follow-up into
     * {@code days[0 … n)}: exponential with mean {@link #dropoutMeanDays()}, or
     * {@link Double#POSITIVE_INFINITY} without drawing when there is no loss to follow-up.
     *
     * @throws IllegalArgumentException if {@code n} is negative or the array is too short
     */
    public void dropoutDays(UniformRandomProvider rng, double[] days, int n) {
        checkSpace(days, n);
        if (dropoutMeanDays == Double.POSITIVE_INFINITY) {
            java.util.Arrays.fill(days, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
        for (int k = 0; k < n; k++) {
            days[k] = exponential.sample() * dropoutMeanDays;
        }
    }

    @Override
    public String toString() {
        return "AccrualProcess[" + plan + "]";
    }

    /** The constant piece holding a day at or after the ramp-up. */
    private int piece(double day) {
        int i = 0;
        while (i + 1 < start.length && start[i + 1] <= day) {
            i++;
        }
        return i;
    }

    /** Λ⁻¹(m) within constant piece i, which has a positive rate since pieces with Λ(start) ≤ m were passed. */
    private double invert(int i, double m) {
        return start[i] + (m - cumulative[i]) / rate[i];
    }

    private static void checkSpace(double[] days, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative: " + n);
        }
        if (days == null || days.length < n) {
            throw new IllegalArgumentException("days must hold at least n = " + n + " values, not "
                    + (days == null ? "null" : days.length));
        }
    }
}
