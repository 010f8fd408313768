package org.trialsim.simulator.hazard;

import java.util.Arrays;

/**
 * A reference survival curve with a piecewise-constant hazard: rate λ<sub>0</sub> on
 * [0, b<sub>1</sub>), λ<sub>j</sub> on [b<sub>j</sub>, b<sub>j+1</sub>), and the last rate from the
 * last breakpoint on. Used as the historical curve of the one-sample log-rank test
 * (analysis.OneSampleLogRank), e.g. Interfant-06's event-free survival for Interfant-21, and the
 * hazards of the simulation engine, which turns an Exp(1) draw into an event time with
 * {@link #inverse(double)}.
 *
 * <p>Immutable; {@link #cumulativeHazard(double)} costs O(log k) for k breakpoints.
 */
public final class PiecewiseConstantHazard {
    private final double[] breakpoints;
    private final double[] rates;
    /** Cumulative hazard at each breakpoint. */
    private final double[] cumulative;
    /** Whether every rate is 0 (asked per patient and process by the engine). */
    private final boolean zero;

    private PiecewiseConstantHazard(double[] breakpoints, double[] rates) {
        this.breakpoints = breakpoints;
        this.rates = rates;
        this.cumulative = new double[breakpoints.length];
        double lower = 0;
        double sum = 0;
        for (int j = 0; j < breakpoints.length; j++) {
            sum += rates[j] * (breakpoints[j] - lower);
            cumulative[j] = sum;
            lower = breakpoints[j];
        }
        boolean allZero = true;
        for (double r : rates) {
            allZero &= r == 0;
        }
        this.zero = allZero;
    }

    /**
     * A hazard from its breakpoints and rates.
     *
     * @param breakpoints the times b₁ &lt; b₂ &lt; … &lt; b<sub>k</sub> (finite, &gt; 0) where the rate changes;
     *     may be empty for a constant hazard
     * @param rates the k + 1 rates (finite, ≥ 0), per unit of the time scale of the data
     * @return the hazard
     */
    public static PiecewiseConstantHazard of(double[] breakpoints, double[] rates) {
        if (rates.length != breakpoints.length + 1) {
            throw new IllegalArgumentException("rates must have one more element than breakpoints; got "
                + rates.length + " rates and " + breakpoints.length + " breakpoints");
        }
        double previous = 0;
        for (int j = 0; j < breakpoints.length; j++) {
            if (!(breakpoints[j] > previous) || breakpoints[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("breakpoints must be finite, > 0 and increasing; got breakpoints["
                    + j + "] = " + breakpoints[j]);
            }
            previous = breakpoints[j];
        }
        for (int j = 0; j < rates.length; j++) {
            if (!(rates[j] >= 0) || rates[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("rates must be finite and >= 0; got rates[" + j + "] = " + rates[j]);
            }
        }
        return new PiecewiseConstantHazard(breakpoints.clone(), rates.clone());
    }

    /**
     * The piecewise-constant hazard through points of a survival curve: S(t<sub>j</sub>) = s<sub>j</sub>
     * with S(0) = 1, log-linear in between, and the last interval's rate continued after the last
     * point (a published curve says nothing beyond its last point; the carried rate is an assumption to
     * state).
     *
     * @param times t₁ &lt; … &lt; t<sub>k</sub> (finite, &gt; 0)
     * @param survival s₁ ≥ … ≥ s<sub>k</sub> in (0, 1], not increasing, s₁ ≤ 1
     * @return the hazard with breakpoints t₁ … t<sub>k−1</sub>
     */
    public static PiecewiseConstantHazard fromSurvival(double[] times, double[] survival) {
        int k = times.length;
        if (k == 0 || survival.length != k) {
            throw new IllegalArgumentException("times and survival must be non-empty and of equal length; got "
                + k + " and " + survival.length);
        }
        double[] rates = new double[k];
        double previousTime = 0;
        double previousSurvival = 1;
        for (int j = 0; j < k; j++) {
            if (!(times[j] > previousTime) || times[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("times must be finite, > 0 and increasing; got times[" + j + "] = " + times[j]);
            }
            if (!(survival[j] > 0 && survival[j] <= previousSurvival)) {
                throw new IllegalArgumentException("survival must be in (0, 1] and not increasing; got survival["
                    + j + "] = " + survival[j]);
            }
            rates[j] = -Math.log(survival[j] / previousSurvival) / (times[j] - previousTime);
            previousTime = times[j];
            previousSurvival = survival[j];
        }
        return of(Arrays.copyOf(times, k - 1), rates);
    }

    /** Λ(t) = ∫₀ᵗ λ(u) du, for t ≥ 0. */
    public double cumulativeHazard(double t) {
        // Number of breakpoints <= t: the interval holding t (a scan: curves have a handful of breakpoints,
        // and the engine calls this on every change of the rule in force)
        int interval = 0;
        while (interval < breakpoints.length && breakpoints[interval] <= t) {
            interval++;
        }
        double lower = interval == 0 ? 0 : breakpoints[interval - 1];
        double base = interval == 0 ? 0 : cumulative[interval - 1];
        return base + rates[interval] * (t - lower);
    }

    /** Λ(to) − Λ(from): the hazard spent between two times (from ≤ to). */
    public double between(double from, double to) {
        return cumulativeHazard(to) - cumulativeHazard(from);
    }

    /**
     * The first time t with Λ(t) = h (h ≥ 0), or +∞ if the cumulative hazard never reaches h (a plateau:
     * the last rate is 0).
     */
    public double inverse(double h) {
        int k = breakpoints.length;
        int i = 0;
        while (i < k && cumulative[i] < h) {
            i++;
        }
        double lower = i == 0 ? 0 : breakpoints[i - 1];
        double base = i == 0 ? 0 : cumulative[i - 1];
        if (h <= base) {
            return lower;
        }
        return rates[i] > 0 ? lower + (h - base) / rates[i] : Double.POSITIVE_INFINITY;
    }

    /** S(t) = exp(−Λ(t)). */
    public double survival(double t) {
        return Math.exp(-cumulativeHazard(t));
    }

    /** The times at which the rate changes (empty for a constant hazard). */
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    /** The rates, one more than the breakpoints: from 0, then from each breakpoint on. */
    public double[] rates() {
        return rates.clone();
    }

    /** Whether the hazard is 0 at all times: no event ever happens. */
    public boolean isZero() {
        return zero;
    }

    /** Equal hazards have the same breakpoints and rates. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseConstantHazard h && Arrays.equals(breakpoints, h.breakpoints) && Arrays.equals(rates, h.rates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(breakpoints) + Arrays.hashCode(rates);
    }
}
