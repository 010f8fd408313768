package org.trialsim.simulator.analysis;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.trialsim.simulator.hazard.PiecewiseConstantHazard;

/**
 * The one-sample log-rank test of a single-arm sample against a fixed reference survival curve, as
 * Interfant-21's event-free survival against Interfant-06's.
 *
 * <p>O is the number of events observed; E = Σᵢ [Λ(eᵢ + tᵢ) − Λ(eᵢ)] is the number expected if the
 * patients followed the reference cumulative hazard Λ, where tᵢ is patient i's follow-up and eᵢ the
 * time on the reference curve's clock at which that follow-up starts (0 unless entry is delayed,
 * e.g. a patient registered some time after diagnosis when the reference curve runs from diagnosis).
 * Under the null hypothesis O − E is a martingale with variance E, so Z = (O − E)/√E is
 * asymptotically standard normal (Breslow 1975, Biometrics 31:1; Finkelstein, Muzikansky &amp;
 * Schoenfeld 2003, Stat Med 22:2637 for its sample-size formula). This Z is the primary statistic:
 * it is what trial protocols and Finkelstein's design formula use, and it equals the square root of
 * the chi-square of R's {@code survdiff(Surv(t, d) ~ offset(S))} one-sample test.
 *
 * <p>Z is known to be conservative for small E (O is then close to Poisson(E) and right-skewed, so
 * the lower tail is thin). The result therefore also carries Wu's (2015, Pharm Stat 14:26) variant
 * with variance (O + E)/2 and the exact Poisson tail P(Poisson(E) ≤ O), so the simulator can
 * report each variant's type I error and power for a design (Danzer, Faldum &amp; Schmidt,
 * arXiv:2108.08194, compare such variance choices); none of them accounts for the sampling error of
 * the historical curve itself (Danzer et al., arXiv:2109.02315).
 */
public final class OneSampleLogRank {
    private OneSampleLogRank() {
    }

    /**
     * The test with follow-up starting at time 0 of the reference curve.
     *
     * @param time follow-up of each patient (finite, ≥ 0)
     * @param event whether each follow-up ends in an event
     * @param reference the reference hazard
     * @return the result; z negative means fewer events than the reference predicts
     */
    public static OneSampleLogRankResult test(double[] time, boolean[] event, PiecewiseConstantHazard reference) {
        return test(null, time, event, reference);
    }

    /**
     * The test with delayed entry.
     *
     * @param entry the time on the reference curve's clock at which each patient's follow-up starts
     *     (finite, ≥ 0), or {@code null} for 0
     * @param time follow-up of each patient from its entry (finite, ≥ 0)
     * @param event whether each follow-up ends in an event
     * @param reference the reference hazard
     * @return the result; z negative means fewer events than the reference predicts
     */
    public static OneSampleLogRankResult test(double[] entry, double[] time, boolean[] event,
                                              PiecewiseConstantHazard reference) {
        int n = time.length;
        if (event.length != n || (entry != null && entry.length != n)) {
            throw new IllegalArgumentException((entry == null ? "" : "entry, ") + "time and event must have the same length; got "
                + (entry == null ? "" : entry.length + ", ") + n + ", " + event.length);
        }
        int observed = 0;
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double t = time[i];
            if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("time[" + i + "] must be finite and >= 0; got " + t);
            }
            double e = 0;
            if (entry != null) {
                e = entry[i];
                if (!(e >= 0) || e == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("entry[" + i + "] must be finite and >= 0; got " + e);
                }
            }
            if (event[i]) {
                observed++;
            }
            expected += e == 0 ? reference.cumulativeHazard(t)
                : reference.cumulativeHazard(e + t) - reference.cumulativeHazard(e);
        }
        return of(observed, expected);
    }

    /**
     * The test from its sufficient statistics, for callers that accumulate O and E themselves.
     *
     * @param observed O, events observed (≥ 0)
     * @param expected E, events expected under the reference (finite, ≥ 0)
     * @return the result
     */
    public static OneSampleLogRankResult of(int observed, double expected) {
        if (observed < 0) {
            throw new IllegalArgumentException("observed must be >= 0; got " + observed);
        }
        if (!(expected >= 0) || expected == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("expected must be finite and >= 0; got " + expected);
        }
        double z = expected > 0 ? (observed - expected) / Math.sqrt(expected) : Double.NaN;
        double zModified = expected > 0 ? (observed - expected) / Math.sqrt(0.5 * (observed + expected)) : Double.NaN;
        double exact = expected > 0 ? PoissonDistribution.of(expected).cumulativeProbability(observed) : Double.NaN;
        return new OneSampleLogRankResult(observed, expected, z, Normal.cdf(z), Normal.twoSided(z),
            zModified, Normal.cdf(zModified), exact);
    }
}
