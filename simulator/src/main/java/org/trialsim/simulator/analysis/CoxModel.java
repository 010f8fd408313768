package org.trialsim.simulator.analysis;

/**
 * Cox proportional hazards regression on treatment (experimental arm 1 against control 0), fitted
 * by Newton–Raphson on the partial likelihood, optionally stratified (separate baseline hazards,
 * one common β), as R's {@code survival::coxph(Surv(time, status) ~ arm + strata(s))}.
 *
 * <p>With a binary covariate the partial likelihood depends on the data only through the numbers at
 * risk (n₀, n₁) and the events (d₀, d₁) in each arm at each distinct event time, so each iteration
 * costs one pass over the event times, not over patients. With r = e<sup>β</sup>, S₀ = n₀ + n₁r and
 * S₁ = n₁r, a tied set of d = d₀ + d₁ events contributes to the log partial likelihood
 * <ul>
 * <li>Breslow: d₁β − d·log S₀;</li>
 * <li>Efron: d₁β − Σ<sub>k=0..d−1</sub> log(S₀ − (k/d)(d₀ + d₁r))</li>
 * </ul>
 * (Efron 1977, JASA 72:557; Therneau &amp; Grambsch 2000, §3.3). Efron's is R's default and is
 * more accurate with many ties; Breslow's score at β = 0 is exactly the log-rank O − E.
 *
 * <p>The log partial likelihood is concave in β, so its score decreases and has one root. Newton–Raphson
 * on the score starts at β = 0 and is safeguarded: every evaluated β narrows a bracket around the
 * root, and a step that would leave the bracket (or exceed 5 in β) is replaced by bisection. It stops
 * after a step below 1e-12 (quadratic convergence makes the estimate exact to rounding), at most 100
 * iterations. Iterations need no logarithms; the likelihood is computed at β = 0 and at β̂ only. Monotone likelihoods (infinite β̂) are detected before
 * iterating, see {@link CoxResult}.
 */
public final class CoxModel {
    /** How tied event times enter the partial likelihood. */
    public enum Ties {
        /** Efron's approximation, R's default. */
        EFRON,
        /** Breslow's approximation. */
        BRESLOW
    }

    private static final int MAX_ITERATIONS = 100;
    private static final double STEP_TOLERANCE = 1e-12;
    /** Largest Newton step in β (a hazard ratio factor of e⁵ ≈ 148). */
    private static final double MAX_STEP = 5;

    private CoxModel() {
    }

    /**
     * Fits the model with Efron's handling of ties.
     *
     * @param data the data cut (strata, if any, are used)
     * @return the fit
     */
    public static CoxResult fit(SurvivalData data) {
        return fit(data, Ties.EFRON);
    }

    /**
     * Fits the model.
     *
     * @param data the data cut (strata, if any, are used)
     * @param ties the handling of tied event times
     * @return the fit
     */
    public static CoxResult fit(SurvivalData data, Ties ties) {
        return fit(data.table(), ties);
    }

    private static CoxResult fit(EventTable table, Ties ties) {
        boolean efron = ties == Ties.EFRON;
        double[] at = new double[3];
        evaluate(table, 0, efron, at);
        double ll0 = at[0];
        double score0 = at[1];
        double info0 = at[2];
        double scoreZ = info0 > 0 ? score0 / Math.sqrt(info0) : Double.NaN;
        maximize(table, efron, score0, info0, at);
        double beta = at[0];
        double info = at[1];
        double ll = Double.isFinite(beta) ? logLikelihood(table, beta, efron) : Double.NaN;
        double se = Double.isFinite(beta) ? 1 / Math.sqrt(info) : Double.NaN;
        double waldZ = beta / se;
        return new CoxResult(ties, beta, se, waldZ, Normal.cdf(waldZ), Normal.twoSided(waldZ),
            scoreZ, Normal.cdf(scoreZ), Normal.twoSided(scoreZ), ll0, ll, 2 * (ll - ll0), (int) at[2]);
    }

    /**
     * Fits the model, with Efron's handling of ties, to data already counted into its tied event times:
     * for each distinct event time, the numbers at risk in each arm just before it and the events at it.
     * The fit depends on the data only through these (see above), so a cohort of any size is fitted from
     * its per-day counts exactly as from its patients.
     *
     * @param time    the event times, increasing (they only label the rows)
     * @param atRisk0 control patients at risk just before each time
     * @param atRisk1 experimental patients at risk
     * @param events0 control events at each time
     * @param events1 experimental events
     * @return the fit, as {@link #fit(SurvivalData)} of the same patients
     * @throws IllegalArgumentException if the arrays differ in length or events exceed the numbers at risk
     */
    public static CoxResult fitTiedTimes(double[] time, int[] atRisk0, int[] atRisk1, int[] events0, int[] events1) {
        return fit(EventTable.of(time, atRisk0, atRisk1, events0, events1), Ties.EFRON);
    }

    /**
     * The estimate alone, with Efron's handling of ties: the same β̂ and standard error as
     * {@link #fit(SurvivalData)}, to the bit, without the log-likelihoods and tests that need a
     * logarithm per distinct event time and are not asked for (a simulated trial's effect estimate).
     *
     * @param data the data cut (strata, if any, are used)
     * @return the estimate
     */
    public static CoxEstimate estimate(SurvivalData data) {
        EventTable table = data.table();
        double[] at = new double[3];
        scoreAndInformation(table, 0, true, at);
        maximize(table, true, at[1], at[2], at);
        double beta = at[0];
        return new CoxEstimate(beta, Double.isFinite(beta) ? 1 / Math.sqrt(at[1]) : Double.NaN);
    }

    /**
     * Maximizes the partial likelihood from β = 0, where the score and information are given.
     *
     * @param out receives β̂ (±∞ where the likelihood is monotone, NaN without information), the information
     *            at it (NaN unless β̂ is finite) and the Newton iterations used; also the iterations' scratch
     *            space (one array for both, allocated by the caller: a fit allocates one array, not three)
     */
    private static void maximize(EventTable table, boolean efron, double score0, double info0, double[] out) {
        // Limits of the score as beta -> +inf and -inf decide whether a finite maximum exists.
        double scoreAtPlusInf = 0;
        double scoreAtMinusInf = 0;
        for (int r = 0, rows = table.rows(); r < rows; r++) {
            if (table.atRisk1[r] > 0) {
                scoreAtPlusInf -= table.events0[r];
            }
            if (table.atRisk0[r] > 0) {
                scoreAtMinusInf += table.events1[r];
            }
        }
        if (!(info0 > 0)) {
            set(out, Double.NaN, Double.NaN, 0);
            return;
        }
        if (scoreAtPlusInf >= 0 || scoreAtMinusInf <= 0) {
            set(out, scoreAtPlusInf >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, Double.NaN, 0);
            return;
        }
        // The score decreases in beta (concave likelihood) and changes sign at the finite maximum:
        // Newton's method on the score, kept inside the bracket [lo, hi] where it changes sign.
        int iterations = 0;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double beta = 0;
        double score = score0;
        double info = info0;
        while (iterations < MAX_ITERATIONS) {
            iterations++;
            if (score > 0) {
                lo = beta;
            } else {
                hi = beta;
            }
            double step = Math.max(-MAX_STEP, Math.min(MAX_STEP, score / info));
            // A negligible Newton step ends the iteration (it may not move beta at all in floating point).
            boolean converged = Math.abs(step) <= STEP_TOLERANCE * Math.max(1, Math.abs(beta));
            double candidate = beta + step;
            if (!converged && !(candidate > lo && candidate < hi)) {
                candidate = lo == Double.NEGATIVE_INFINITY ? hi - MAX_STEP
                    : hi == Double.POSITIVE_INFINITY ? lo + MAX_STEP : 0.5 * (lo + hi);
            }
            beta = candidate;
            scoreAndInformation(table, beta, efron, out);
            score = out[1];
            info = out[2];
            if (converged) {
                break;
            }
        }
        set(out, beta, info, iterations);
    }

    private static void set(double[] out, double beta, double info, int iterations) {
        out[0] = beta;
        out[1] = info;
        out[2] = iterations;
    }

    /** Log partial likelihood, score and information at beta into out[0..2]. */
    private static void evaluate(EventTable table, double beta, boolean efron, double[] out) {
        scoreAndInformation(table, beta, efron, out);
        out[0] = logLikelihood(table, beta, efron);
    }

    /** Score and information at beta into out[1..2]: no logarithms, one exponential. */
    private static void scoreAndInformation(EventTable table, double beta, boolean efron, double[] out) {
        double risk = Math.exp(beta);
        double score = 0;
        double info = 0;
        for (int r = 0, rows = table.rows(); r < rows; r++) {
            int d0 = table.events0[r];
            int d1 = table.events1[r];
            int d = d0 + d1;
            double s0 = table.atRisk0[r] + table.atRisk1[r] * risk;
            double s1 = table.atRisk1[r] * risk;
            score += d1;
            if (!efron || d == 1) {
                double mean = s1 / s0;
                score -= d * mean;
                info += d * mean * (1 - mean);
            } else {
                double tied0 = d0 + d1 * risk;
                double tied1 = d1 * risk;
                for (int k = 0; k < d; k++) {
                    double f = (double) k / d;
                    double mean = (s1 - f * tied1) / (s0 - f * tied0);
                    score -= mean;
                    // For a 0/1 covariate the second moment equals the first.
                    info += mean * (1 - mean);
                }
            }
        }
        out[1] = score;
        out[2] = info;
    }

    /** The log partial likelihood at beta. */
    private static double logLikelihood(EventTable table, double beta, boolean efron) {
        double risk = Math.exp(beta);
        double ll = 0;
        for (int r = 0, rows = table.rows(); r < rows; r++) {
            int d0 = table.events0[r];
            int d1 = table.events1[r];
            int d = d0 + d1;
            double s0 = table.atRisk0[r] + table.atRisk1[r] * risk;
            ll += d1 * beta;
            if (!efron || d == 1) {
                ll -= d * Math.log(s0);
            } else {
                double tied0 = d0 + d1 * risk;
                for (int k = 0; k < d; k++) {
                    ll -= Math.log(s0 - (double) k / d * tied0);
                }
            }
        }
        return ll;
    }
}
