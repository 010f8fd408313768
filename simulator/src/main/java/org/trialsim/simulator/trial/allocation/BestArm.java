package org.trialsim.simulator.trial.allocation;

import java.util.Arrays;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The probability that each arm has the largest response rate, when the rates have independent Beta
 * posteriors: {@code P(a is best) = ∫ f_a(x) Π_{b≠a} F_b(x) dx} over [0, 1], with f the density and F the
 * distribution function of each Beta, computed by adaptive Gauss–Kronrod (7–15 point) quadrature; for
 * two arms with a whole shape (as with whole priors, Beta(1, 1) by default, plus counts), by Miller's
 * finite sum instead ({@link #secondIsBetter}), exact up to rounding and much faster.
 *
 * <p>A posterior of many patients is narrow (Beta(300, 300) has a standard deviation of 0.02), and one
 * quadrature rule over [0, 1] could step over its peak and take a wrong answer for a converged one; so
 * [0, 1] is first cut at each posterior's mean and at 1, 2, 4 and 8 standard deviations either side, and
 * each piece is refined until its Gauss and Kronrod estimates agree to {@link #TOLERANCE}. A shape below
 * 1 makes the density infinite at 0 or 1; that is integrable, and the refinement reaches it by halving,
 * above 1/2 in the variable 1 − x, so that the points next to 1 are not rounded to it.
 */
final class BestArm {
    /** The absolute error asked of each piece; the sum over the pieces stays far below 1e-9. */
    static final double TOLERANCE = 1e-13;
    /**
     * Halvings of a piece at most. Only a piece at 0 (or at 1, integrated from its mirror) needs many:
     * where a shape is 1/2, the least a prior may have, the mass within 2^-80 of the end is about 1e-12.
     */
    private static final int MAX_DEPTH = 80;
    private static final double[] SPREADS = {0, 1, 2, 4, 8};
    /**
     * The most terms of the finite sum for two arms: each is three multiplications and a division, so
     * 100,000 cost less than the quadrature (whose distribution functions are incomplete Beta functions).
     */
    static final int MAX_TERMS = 100_000;
    private static final double RESCALE = 0x1p600;
    private static final double LOG_RESCALE = 600 * Math.log(2);

    // Gauss–Kronrod 7-15 nodes on [-1, 1] (the positive half), Kronrod weights and the Gauss weights of the odd nodes
    private static final double[] XK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
            0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
            0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
            0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
            0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
            0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private BestArm() {
    }

    /**
     * P(arm a is best) for each arm, from independent Beta(alpha[a], beta[a]) distributions of the rates.
     * The probabilities are divided by their sum (which differs from 1 by the quadrature error alone).
     *
     * @param alpha the first shape of each arm, positive and finite; at least two arms
     * @param beta  the second shape of each arm, positive and finite
     * @throws IllegalArgumentException if a shape is not positive and finite, or the arrays differ in length
     */
    static double[] probabilities(double[] alpha, double[] beta) {
        int k = alpha.length;
        if (k < 2 || beta.length != k) {
            throw new IllegalArgumentException("at least two arms, with one alpha and one beta each");
        }
        for (int a = 0; a < k; a++) {
            if (!(alpha[a] > 0 && alpha[a] < Double.POSITIVE_INFINITY && beta[a] > 0 && beta[a] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("arm " + a + ": the Beta shapes must be positive and finite, not " + alpha[a] + ", "
                        + beta[a]);
            }
        }
        if (k == 2) {
            double second = secondIsBetter(alpha[0], beta[0], alpha[1], beta[1]);
            if (second == second) {
                // as the quadrature gives them: the first, and the second as 1 minus it (they sum to 1 exactly)
                double first = 1 - second;
                return new double[] {first, 1 - first};
            }
        }
        return byQuadrature(alpha, beta);
    }

    /**
     * P(X_2 > X_1) for X_i ~ Beta(a_i, b_i) by the finite sum of Miller (2015, "Formulas for Bayesian A/B
     * testing") over a whole shape, or NaN if no shape is a whole number of at most {@link #MAX_TERMS}.
     * The sum runs over the second arm's first shape; the other three shapes are brought to that place by
     * P(X_2 > X_1) = 1 − P(X_1 > X_2) and by the mirror 1 − X_i ~ Beta(b_i, a_i), and the smallest whole
     * shape is taken, for the fewest terms.
     */
    static double secondIsBetter(double a1, double b1, double a2, double b2) {
        double[] shapes = {a2, a1, b1, b2};
        int pick = -1;
        for (int j = 0; j < shapes.length; j++) {
            if (shapes[j] == Math.rint(shapes[j]) && shapes[j] <= MAX_TERMS && (pick < 0 || shapes[j] < shapes[pick])) {
                pick = j;
            }
        }
        return switch (pick) {
            case 0 -> millerSum(a1, b1, a2, b2);
            case 1 -> 1 - millerSum(a2, b2, a1, b1);
            // 1 − X_1 > 1 − X_2 exactly when X_2 > X_1
            case 2 -> millerSum(b2, a2, b1, a1);
            case 3 -> 1 - millerSum(b1, a1, b2, a2);
            default -> Double.NaN;
        };
    }

    /**
     * Σ_{i=0}^{a_2−1} B(a_1+i, b_1+b_2) / ((b_2+i) B(1+i, b_2) B(a_1, b_1)) for a whole a_2, its terms by
     * the recurrence t_{i+1} = t_i (a_1+i)(b_2+i) / ((a_1+b_1+b_2+i)(1+i)) from t_0 = B(a_1, b_1+b_2) / B(a_1, b_1).
     * The terms are positive; they are carried relative to a scale (a logarithm) so that neither a tiny t_0
     * (a narrow posterior far below the other) nor the growth of the terms leaves the range of a double.
     */
    private static double millerSum(double a1, double b1, double a2, double b2) {
        double logScale = LogBeta.value(a1, b1 + b2) - LogBeta.value(a1, b1);
        double term = 1;
        double sum = 0;
        int n = (int) a2;
        double c = a1 + b1 + b2;
        for (int i = 0; i < n; i++) {
            sum += term;
            term *= (a1 + i) * (b2 + i) / ((c + i) * (1 + i));
            if (term > RESCALE) {
                term /= RESCALE;
                sum /= RESCALE;
                logScale += LOG_RESCALE;
            }
        }
        return Math.min(1, Math.max(0, sum * Math.exp(logScale)));
    }

    /** P(arm a is best) by quadrature alone, for any shapes (checked by {@link #probabilities}). */
    static double[] byQuadrature(double[] alpha, double[] beta) {
        int k = alpha.length;
        BetaDistribution[] d = new BetaDistribution[k];
        BetaDistribution[] mirrored = new BetaDistribution[k];
        for (int a = 0; a < k; a++) {
            d[a] = BetaDistribution.of(alpha[a], beta[a]);
            mirrored[a] = BetaDistribution.of(beta[a], alpha[a]);
        }
        double[] cuts = cuts(alpha, beta);
        double[] p = new double[k];
        double sum = 0;
        // with two arms P(second is best) = 1 − P(first is best) exactly; one integral suffices
        int integrals = k == 2 ? 1 : k;
        for (int a = 0; a < integrals; a++) {
            Integrand left = new Integrand(d, a, false);
            Integrand right = new Integrand(mirrored, a, true);
            double total = 0;
            for (int i = 0; i + 1 < cuts.length; i++) {
                // above 1/2 in y = 1 − x, where doubles are as dense near y = 0 as near x = 0
                total += cuts[i] < 0.5 ? integrate(left, cuts[i], cuts[i + 1], 0) : integrate(right, 1 - cuts[i + 1], 1 - cuts[i], 0);
            }
            p[a] = Math.min(1, Math.max(0, total));
            sum += p[a];
        }
        if (k == 2) {
            p[1] = 1 - p[0];
            return p;
        }
        for (int a = 0; a < k; a++) {
            p[a] /= sum;
        }
        return p;
    }

    /** 0, 1/2, 1 and each arm's mean ± 1, 2, 4, 8 standard deviations inside (0, 1), sorted and without repeats. */
    private static double[] cuts(double[] alpha, double[] beta) {
        double[] c = new double[3 + alpha.length * 2 * SPREADS.length];
        int n = 0;
        c[n++] = 0;
        c[n++] = 0.5;
        c[n++] = 1;
        for (int a = 0; a < alpha.length; a++) {
            double s = alpha[a] + beta[a];
            double mean = alpha[a] / s;
            double sd = Math.sqrt(alpha[a] * beta[a] / (s * s * (s + 1)));
            for (double spread : SPREADS) {
                for (double x : new double[] {mean - spread * sd, mean + spread * sd}) {
                    if (x > 0 && x < 1) {
                        c[n++] = x;
                    }
                }
            }
        }
        double[] sorted = Arrays.copyOf(c, n);
        Arrays.sort(sorted);
        int m = 0;
        for (double x : sorted) {
            if (m == 0 || x > sorted[m - 1]) {
                sorted[m++] = x;
            }
        }
        return Arrays.copyOf(sorted, m);
    }

    private static double integrate(Integrand f, double lo, double hi, int depth) {
        double centre = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        double fc = f.at(centre);
        double kronrod = fc * WK[7];
        double gauss = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = half * XK[j];
            double pair = f.at(centre - dx) + f.at(centre + dx);
            kronrod += WK[j] * pair;
            if (j % 2 == 1) {
                gauss += WG[j / 2] * pair;
            }
        }
        kronrod *= half;
        gauss *= half;
        if (Math.abs(kronrod - gauss) <= TOLERANCE || depth >= MAX_DEPTH || half < 1e-300) {
            return kronrod;
        }
        return integrate(f, lo, centre, depth + 1) + integrate(f, centre, hi, depth + 1);
    }

    /**
     * f_a(x) Π_{b≠a} F_b(x); mirrored, the same at x = 1 − y from the Beta distributions with their
     * shapes swapped: f_a(1 − y) = g_a(y) and F_b(1 − y) = 1 − G_b(y).
     */
    private record Integrand(BetaDistribution[] d, int arm, boolean mirrored) {
        double at(double x) {
            if (!(x > 0)) {
                return 0;
            }
            double v = d[arm].density(x);
            for (int b = 0; b < d.length && v != 0; b++) {
                if (b != arm) {
                    v *= mirrored ? d[b].survivalProbability(x) : d[b].cumulativeProbability(x);
                }
            }
            return v;
        }
    }
}
