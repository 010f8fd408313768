package org.trialsim.simulator.analysis;

/**
 * The result of a one-sample log-rank test against a reference curve ({@link OneSampleLogRank}).
 *
 * <p>Sign convention as for the two-sample test: z = (O − E)/√E is <em>negative</em> when fewer
 * events were observed than the reference curve predicts, i.e. when the sample does better than
 * the reference; one-sided p-values are against that alternative. With E = 0 (no follow-up) the
 * statistics are NaN.
 *
 * @param observed O, events observed
 * @param expected E, events expected under the reference hazard over each patient's follow-up
 * @param z (O − E)/√E (Breslow 1975; Finkelstein, Muzikansky &amp; Schoenfeld 2003): the test
 *     statistic, the one R's {@code survdiff} one-sample test squares
 * @param pOneSided Φ(z)
 * @param pTwoSided 2(1 − Φ(|z|))
 * @param zModified (O − E)/√((O + E)/2), Wu's (2015) variance, which corrects the conservatism of z
 *     in small samples
 * @param pOneSidedModified Φ(zModified)
 * @param pOneSidedExact P(X ≤ O) for X ~ Poisson(E): the exact test given E, treating the
 *     expected count as fixed (Breslow &amp; Day 1987, §2.3)
 */
public record OneSampleLogRankResult(double observed, double expected, double z, double pOneSided,
                                     double pTwoSided, double zModified, double pOneSidedModified,
                                     double pOneSidedExact) {
    /** O/E, the standardised event ratio (below 1: fewer events than the reference predicts). */
    public double ratio() {
        return observed / expected;
    }
}
