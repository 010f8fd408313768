package org.trialsim.simulator.analysis;

/**
 * The two-group log-rank test, unstratified or stratified, as R's {@code survdiff} with
 * {@code rho = 0}.
 *
 * <p>At each distinct event time t of a stratum, with n<sub>g</sub> patients at risk in arm g
 * (n = n₀ + n₁) and d events in all, the experimental arm's expected events are d·n₁/n and the
 * hypergeometric variance is d(n − d)n₀n₁ / (n²(n − 1)). Tied events form one set; patients
 * censored at t are at risk at t. A stratified test sums O − E and the variance over strata
 * (Peto &amp; Peto 1972; Kalbfleisch &amp; Prentice 2002, §7.2; R {@code survival::survdiff}).
 */
public final class LogRankTest {
    /** The number of sums a test gathers: O₁, E₁, O₀ and V. */
    private static final int SUMS = 4;

    private LogRankTest() {
    }

    /**
     * Tests equality of the hazards of the two arms, within strata if the data have them.
     *
     * @param data the data cut
     * @return the test result; Z negative favours the experimental arm
     */
    public static LogRankResult test(SurvivalData data) {
        double[] sums = new double[SUMS];
        sum(data.table(), sums);
        return result(sums);
    }

    /**
     * The z statistic of {@link #test(SurvivalData)} alone, to the bit, without the p-values it does not
     * need (a simulated trial's look compares z with its boundaries).
     *
     * @param data the data cut
     * @return (O₁ − E₁)/√V, NaN without variance
     */
    public static double z(SurvivalData data) {
        double[] sums = new double[SUMS];
        sum(data.table(), sums);
        return z(sums);
    }

    /** O₁, E₁, O₀ and the hypergeometric variance into sums[0..3]. */
    private static void sum(EventTable table, double[] sums) {
        double observed1 = 0;
        double observed0 = 0;
        double expected1 = 0;
        double variance = 0;
        for (int r = 0, rows = table.rows(); r < rows; r++) {
            double n0 = table.atRisk0[r];
            double n1 = table.atRisk1[r];
            double n = n0 + n1;
            double d = table.events0[r] + table.events1[r];
            observed0 += table.events0[r];
            observed1 += table.events1[r];
            expected1 += d * n1 / n;
            if (n > 1) {
                variance += d * (n - d) * n0 * n1 / (n * n * (n - 1));
            }
        }
        sums[0] = observed1;
        sums[1] = expected1;
        sums[2] = observed0;
        sums[3] = variance;
    }

    private static double z(double[] sums) {
        return sums[3] > 0 ? (sums[0] - sums[1]) / Math.sqrt(sums[3]) : Double.NaN;
    }

    private static LogRankResult result(double[] sums) {
        double observed1 = sums[0];
        double expected1 = sums[1];
        double observed0 = sums[2];
        double variance = sums[3];
        double expected0 = observed0 + observed1 - expected1;
        double z = z(sums);
        return new LogRankResult(observed1, expected1, observed0, expected0, variance, z, z * z,
            Normal.cdf(z), Normal.twoSided(z));
    }

    /**
     * Tests the null hypothesis that the experimental arm's hazard is θ₀ times the control's: the Cox score
     * test at β = ln θ₀, the log-rank test generalised to a hazard ratio under the null other than 1, as
     * rpact's {@code getSimulationSurvival(thetaH0 = θ₀)} computes it. At each event time, with n₀, n₁ at
     * risk and d events, the experimental arm's expected events are d·θ₀n₁/(θ₀n₁ + n₀) and their variance
     * d·θ₀n₁n₀/(θ₀n₁ + n₀)²: the score and information of the partial likelihood at ln θ₀, tied events
     * handled as Breslow's approximation does (rpact's continuous times have no ties). Stratified data sum
     * over strata.
     *
     * <p>θ₀ = 1 does not give {@link #test(SurvivalData)} exactly when events are tied, whose hypergeometric
     * variance is smaller by (n − d)/(n − 1): an analysis without a margin uses that one.
     *
     * @param data            the data cut
     * @param nullHazardRatio θ₀, positive and finite
     * @return the test result: E₁ and V at θ₀, z = (O₁ − E₁)/√V negative when the experimental arm does
     *         better than θ₀ times the control's hazard
     */
    public static LogRankResult test(SurvivalData data, double nullHazardRatio) {
        double[] sums = new double[SUMS];
        sum(data.table(), checked(nullHazardRatio), sums);
        return result(sums);
    }

    /**
     * The z statistic of {@link #test(SurvivalData, double)} alone, to the bit, without its p-values.
     *
     * @param data            the data cut
     * @param nullHazardRatio θ₀, positive and finite
     * @return (O₁ − E₁)/√V at θ₀, NaN without variance
     */
    public static double z(SurvivalData data, double nullHazardRatio) {
        double[] sums = new double[SUMS];
        sum(data.table(), checked(nullHazardRatio), sums);
        return z(sums);
    }

    private static double checked(double nullHazardRatio) {
        if (!(nullHazardRatio > 0) || Double.isInfinite(nullHazardRatio)) {
            throw new IllegalArgumentException("the hazard ratio under the null hypothesis must be positive and finite, not "
                    + nullHazardRatio);
        }
        return nullHazardRatio;
    }

    /** O₁, E₁, O₀ and the variance at θ₀ into sums[0..3]. */
    private static void sum(EventTable table, double nullHazardRatio, double[] sums) {
        double observed1 = 0;
        double observed0 = 0;
        double expected1 = 0;
        double variance = 0;
        for (int r = 0, rows = table.rows(); r < rows; r++) {
            double n0 = table.atRisk0[r];
            double weighted1 = nullHazardRatio * table.atRisk1[r];
            double sum = weighted1 + n0;
            double d = table.events0[r] + table.events1[r];
            observed0 += table.events0[r];
            observed1 += table.events1[r];
            expected1 += d * weighted1 / sum;
            variance += d * weighted1 * n0 / (sum * sum);
        }
        sums[0] = observed1;
        sums[1] = expected1;
        sums[2] = observed0;
        sums[3] = variance;
    }
}
