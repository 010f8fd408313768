package org.trialsim.simulator.design.escalation;

import java.util.Arrays;

/**
 * The CRM's one-parameter power ("empiric") model (O'Quigley, Pepe and Fisher, Biometrics 1990;46:33-48;
 * Cheung, Dose Finding by the Continual Reassessment Method, 2011): level k's DLT probability is
 * s_k^exp(a), where s is the skeleton and a has a normal prior with mean 0 and the given variance. A patient
 * with a DLT contributes s_k^exp(a) to the likelihood, one without a DLT after the whole window
 * 1 − s_k^exp(a), and one still in the window without a DLT 1 − w s_k^exp(a), w being the fraction of the
 * window observed (Cheung and Chappell's TITE-CRM, Biometrics 2000;56:1177-1182, linear weights), as in
 * dfcrm's {@code crm} and {@code titecrm}.
 *
 * <p>The posterior mean of a is computed by numerical integration that follows the posterior: its mode is
 * found by Newton's method on the derivative of the log posterior, kept within a bracket by bisection, and
 * the curvature there gives its scale s; the posterior is then integrated by a Gauss–Legendre rule on panels
 * going out from the mode on both sides, the first s wide and each wider than the last, until the density
 * has fallen below 1e-20 of its height at the mode. However much the data sharpen the posterior the points
 * sit where it lives, and a skewed posterior (a long tail where the prior alone decides, as after many
 * patients without a DLT) is followed as far as it goes, which a Gauss–Hermite rule centred on the mode
 * does poorly (with 32 points, errors up to 3e-4 in the posterior mean on such data sets). The likelihood is
 * summed in logarithms, so nothing underflows. Data are added per level (DLTs, complete answers without a
 * DLT) and per pending patient; nothing is allocated per fit.
 */
final class PowerModel {
    /** Points of the Gauss–Legendre rule on each panel. */
    static final int POINTS = 8;
    /** Each panel is this much wider than the one before it, going out from the mode. */
    static final double GROWTH = 1.6;
    private static final GaussLegendre LEGENDRE = new GaussLegendre(POINTS);
    /** Panels stop once the log density has fallen this far below its value at the mode (e^−46 is 1e-20). */
    private static final double NEGLIGIBLE = 46;
    /** The mode is sought within ±this: beyond 12 prior standard deviations at the largest prior variance. */
    private static final double BOUND = 40;
    private static final int MAX_NEWTON = 100;

    private final int levels;
    private final double[] logSkeleton;
    private final double priorVariance;
    private final int[] dlt;
    private final int[] complete;
    private int[] pendingLevel = new int[16];
    private double[] pendingWeight = new double[16];
    private int pending;
    private final double[] derivatives = new double[2];
    private double mode;
    private double scale;
    private double mean;
    private double sd;
    private double sum0;
    private double sum1;
    private double sum2;
    private double below;

    /**
     * A model over the skeleton.
     *
     * @param skeleton      the prior guess of each level's DLT probability, lowest level first, increasing within (0, 1)
     * @param priorVariance the prior variance of a, above 0
     */
    PowerModel(double[] skeleton, double priorVariance) {
        this.levels = skeleton.length;
        this.logSkeleton = new double[levels + 1];
        for (int k = 1; k <= levels; k++) {
            logSkeleton[k] = Math.log(skeleton[k - 1]);
        }
        this.priorVariance = priorVariance;
        this.dlt = new int[levels + 1];
        this.complete = new int[levels + 1];
    }

    /** Forgets the data. */
    void clear() {
        Arrays.fill(dlt, 0);
        Arrays.fill(complete, 0);
        pending = 0;
    }

    /** A patient at the level who had a DLT. */
    void addDlt(int level) {
        dlt[level]++;
    }

    /** A patient at the level whose window ended without a DLT. */
    void addComplete(int level) {
        complete[level]++;
    }

    /** A patient at the level still in the window without a DLT, the given fraction of it observed. */
    void addPending(int level, double weight) {
        if (pending == pendingLevel.length) {
            pendingLevel = Arrays.copyOf(pendingLevel, 2 * pending);
            pendingWeight = Arrays.copyOf(pendingWeight, 2 * pending);
        }
        pendingLevel[pending] = level;
        pendingWeight[pending] = weight;
        pending++;
    }

    /** Fits the model to the data added: the posterior mean of a, which {@link #recommended} then uses. */
    double fit() {
        mode = mode();
        double curvature = -derivatives(mode)[1];
        double priorSd = Math.sqrt(priorVariance);
        scale = curvature > 0 ? Math.min(1 / Math.sqrt(curvature), priorSd) : priorSd;
        integrate(Double.NaN);
        return mean;
    }

    /** The posterior mean of a found by the last {@link #fit}. */
    double mean() {
        return mean;
    }

    /** The posterior standard deviation of a found by the last {@link #fit}. */
    double sd() {
        return sd;
    }

    /** The estimated DLT probability of the level after the last fit: s_k^exp(mean). */
    double probability(int level) {
        return Math.exp(Math.exp(mean) * logSkeleton[level]);
    }

    /** The level whose estimated DLT probability is closest to the target (the lowest of equals), after the last fit. */
    int recommended(double target) {
        int best = 1;
        double bestDistance = Math.abs(probability(1) - target);
        for (int k = 2; k <= levels; k++) {
            double distance = Math.abs(probability(k) - target);
            if (distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * The posterior probability, after the last fit, that the level's DLT probability is above the target:
     * P(a &lt; log(log(target) / log(s_k))), by the same integration, the panel holding that point split there.
     */
    double probabilityAbove(int level, double target) {
        double fittedMean = mean;
        double fittedSd = sd;
        double share = integrate(Math.log(Math.log(target) / logSkeleton[level]));
        mean = fittedMean;
        sd = fittedSd;
        return share;
    }

    /**
     * Integrates the posterior from the mode outwards on both sides, leaving its mean and standard deviation
     * in the fields; returns the share of its mass below the cut (0 when the cut is NaN).
     */
    private double integrate(double cut) {
        double top = logPosterior(mode);
        sum0 = 0;
        sum1 = 0;
        sum2 = 0;
        below = 0;
        for (int direction = -1; direction <= 1; direction += 2) {
            double from = mode;
            double width = scale;
            while (Math.abs(from - mode) < 2 * BOUND) {
                double to = from + direction * width;
                if (cut > Math.min(from, to) && cut < Math.max(from, to)) {
                    panel(from, cut, top, cut);
                    panel(cut, to, top, cut);
                } else {
                    panel(from, to, top, cut);
                }
                if (logPosterior(to) < top - NEGLIGIBLE) {
                    break;
                }
                from = to;
                width *= GROWTH;
            }
        }
        double shift = sum1 / sum0;
        mean = mode + shift;
        sd = Math.sqrt(Math.max(0, sum2 / sum0 - shift * shift));
        return below / sum0;
    }

    /** Adds one panel's Gauss–Legendre sums of the density (relative to its height at the mode), in a − mode. */
    private void panel(double from, double to, double top, double cut) {
        double half = 0.5 * (to - from);
        double mid = 0.5 * (to + from);
        double width = Math.abs(half);
        boolean belowCut = Math.max(from, to) <= cut;
        for (int j = 0; j < LEGENDRE.size(); j++) {
            double a = mid + half * LEGENDRE.node(j);
            double f = LEGENDRE.weight(j) * width * Math.exp(logPosterior(a) - top);
            double d = a - mode;
            sum0 += f;
            sum1 += f * d;
            sum2 += f * d * d;
            if (belowCut) {
                below += f;
            }
        }
    }

    /**
     * The posterior mode: the root of the log posterior's derivative, which is positive far below it (the
     * prior pulls up) and negative far above, by Newton steps kept inside a shrinking bracket.
     */
    private double mode() {
        double lo = -BOUND;
        double hi = BOUND;
        double a = 0;
        for (int i = 0; i < MAX_NEWTON; i++) {
            double[] d = derivatives(a);
            if (d[0] > 0) {
                lo = a;
            } else {
                hi = a;
            }
            double next = d[1] < 0 ? a - d[0] / d[1] : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - a) <= 1e-12 * Math.max(1, Math.abs(a)) || hi - lo <= 1e-12) {
                return next;
            }
            a = next;
        }
        return a;
    }

    /** The first and second derivatives of the log posterior at a. */
    private double[] derivatives(double a) {
        double ea = Math.exp(a);
        double first = -a / priorVariance;
        double second = -1 / priorVariance;
        for (int k = 1; k <= levels; k++) {
            double t = ea * logSkeleton[k];
            if (dlt[k] != 0) {
                first += dlt[k] * t;
                second += dlt[k] * t;
            }
            if (complete[k] != 0) {
                // log(1 − q), q = e^t, t = e^a log s: derivative −t q/(1 − q), second −t q (1 + t − q)/(1 − q)²
                double q = Math.exp(t);
                double oneMinusQ = -Math.expm1(t);
                double g = t * q / oneMinusQ;
                first -= complete[k] * g;
                second -= complete[k] * g * (1 + t - q) / oneMinusQ;
            }
        }
        for (int i = 0; i < pending; i++) {
            double t = ea * logSkeleton[pendingLevel[i]];
            double wq = pendingWeight[i] * Math.exp(t);
            double g = t * wq / (1 - wq);
            first -= g;
            second -= g * (1 + t - wq) / (1 - wq);
        }
        derivatives[0] = first;
        derivatives[1] = second;
        return derivatives;
    }

    /** The log of the prior density (up to a constant) plus the log likelihood at a. */
    private double logPosterior(double a) {
        double ea = Math.exp(a);
        double ll = -a * a / (2 * priorVariance);
        for (int k = 1; k <= levels; k++) {
            if (dlt[k] != 0) {
                ll += dlt[k] * ea * logSkeleton[k];
            }
            if (complete[k] != 0) {
                ll += complete[k] * Math.log(-Math.expm1(ea * logSkeleton[k]));
            }
        }
        for (int i = 0; i < pending; i++) {
            ll += Math.log1p(-pendingWeight[i] * Math.exp(ea * logSkeleton[pendingLevel[i]]));
        }
        return ll;
    }
}
