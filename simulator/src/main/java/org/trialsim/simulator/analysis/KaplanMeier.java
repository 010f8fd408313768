package org.trialsim.simulator.analysis;

/**
 * Kaplan–Meier estimates of each arm's survival at a landmark time with Greenwood's variance, and
 * their difference with a z test.
 *
 * <p>Ŝ(t) = Π (1 − d<sub>j</sub>/n<sub>j</sub>) and
 * Var Ŝ(t) = Ŝ(t)² Σ d<sub>j</sub>/(n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>)), over event times t<sub>j</sub> ≤ t
 * (Greenwood 1926; Klein &amp; Moeschberger 2003, §4.2), as R's
 * {@code summary(survfit(Surv(time, status) ~ arm), times = t)} with its default plain-scale
 * standard error. Strata in the data are pooled: the landmark comparison is unstratified. When
 * Ŝ(t) = 0 its variance is taken as 0. Beyond an arm's last observed time the estimate is carried
 * forward (R's {@code extend = TRUE}); choose landmarks inside the follow-up of both arms.
 */
public final class KaplanMeier {
    private KaplanMeier() {
    }

    /**
     * Compares the arms' Kaplan–Meier survival at time {@code t}.
     *
     * @param data the data cut
     * @param t the landmark time (finite, ≥ 0)
     * @return the comparison; a positive z favours the experimental arm
     */
    public static LandmarkDifference landmarkDifference(SurvivalData data, double t) {
        if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("landmark time must be finite and >= 0; got " + t);
        }
        EventTable table = data.pooledTable();
        double s0 = 1;
        double s1 = 1;
        double g0 = 0;
        double g1 = 0;
        for (int r = 0, rows = table.rows(); r < rows && table.time[r] <= t; r++) {
            int d0 = table.events0[r];
            if (d0 > 0) {
                int n0 = table.atRisk0[r];
                s0 *= 1 - (double) d0 / n0;
                g0 += n0 > d0 ? (double) d0 / ((double) n0 * (n0 - d0)) : 0;
            }
            int d1 = table.events1[r];
            if (d1 > 0) {
                int n1 = table.atRisk1[r];
                s1 *= 1 - (double) d1 / n1;
                g1 += n1 > d1 ? (double) d1 / ((double) n1 * (n1 - d1)) : 0;
            }
        }
        double se0 = s0 * Math.sqrt(g0);
        double se1 = s1 * Math.sqrt(g1);
        double difference = s1 - s0;
        double se = Math.sqrt(se0 * se0 + se1 * se1);
        double z = se > 0 ? difference / se : Double.NaN;
        return new LandmarkDifference(t, s1, se1, s0, se0, difference, se, z, Normal.sf(z), Normal.twoSided(z));
    }
}
