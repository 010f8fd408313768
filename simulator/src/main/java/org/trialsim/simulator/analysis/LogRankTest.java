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
    private LogRankTest() {
    }

    /**
     * Tests equality of the hazards of the two arms, within strata if the data have them.
     *
     * @param data the data cut
     * @return the test result; Z negative favours the experimental arm
     */
    public static LogRankResult test(SurvivalData data) {
        EventTable table = data.table();
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
        double expected0 = observed0 + observed1 - expected1;
        double z = variance > 0 ? (observed1 - expected1) / Math.sqrt(variance) : Double.NaN;
        return new LogRankResult(observed1, expected1, observed0, expected0, variance, z, z * z,
            Normal.cdf(z), Normal.twoSided(z));
    }
}
