package org.trialsim.simulator.analysis;

/**
 * Recursive numerical integration for group-sequential tests (Armitage, McPherson &amp; Rowe 1969;
 * Jennison &amp; Turnbull 2000, "Group Sequential Methods with Applications to Clinical Trials",
 * ch. 19).
 *
 * <p>The standardised statistics Z₁ … Z<sub>K</sub> at information fractions t₁ &lt; … &lt; t<sub>K</sub>
 * have the canonical joint distribution: Z<sub>k</sub>√t<sub>k</sub> is a Brownian motion with drift
 * δ at time t<sub>k</sub>, so E Z<sub>k</sub> = δ√t<sub>k</sub> and independent increments
 * Z<sub>k</sub>√t<sub>k</sub> − Z<sub>k−1</sub>√t<sub>k−1</sub> ~ N(δΔ<sub>k</sub>, Δ<sub>k</sub>) with
 * Δ<sub>k</sub> = t<sub>k</sub> − t<sub>k−1</sub>. The sub-density of Z<sub>k</sub> on the continuation
 * region (a<sub>k</sub>, b<sub>k</sub>) is carried from look to look on J&amp;T's grid (§19.2.1): 6r − 1
 * points centred on δ√t<sub>k</sub>, evenly spaced within ±3 and spreading logarithmically to about
 * ±(3 + 4 ln r) in the tails, cut at a<sub>k</sub> and b<sub>k</sub> with the bounds added, then halved
 * by midpoints for Simpson's rule. Simpson's error falls as r⁻⁴: bounds move by up to 2·10⁻⁶ between
 * r = 16 and r = 128, and by up to 1.4·10⁻⁷ between r = 32 (used here) and r = 128, which is also
 * their distance from rpact's. A three-look design costs about 1 ms (one O(m²) density update on
 * m ≈ 380 points; the first two looks need none).
 *
 * <p>Instances hold only the immutable grid offsets and may be shared.
 */
final class SequentialIntegration {
    /** J&amp;T's grid size parameter r. */
    static final int DEFAULT_GRID = 32;

    private final double[] offsets;

    /** Grid with parameter r. */
    SequentialIntegration(int r) {
        offsets = new double[6 * r - 1];
        for (int i = 1; i <= 6 * r - 1; i++) {
            double x;
            if (i < r) {
                x = -3 - 4 * Math.log((double) r / i);
            } else if (i <= 5 * r) {
                x = -3 + 3.0 * (i - r) / (2 * r);
            } else {
                x = 3 + 4 * Math.log((double) r / (6 * r - i));
            }
            offsets[i - 1] = x;
        }
    }

    /** A grid for Z at one look: points z and w·f, Simpson weight times sub-density. */
    static final class Stage {
        final double[] z;
        final double[] wf;

        Stage(double[] z, double[] wf) {
            this.z = z;
            this.wf = wf;
        }

        /** Probability of having continued to this look (the integral of the sub-density). */
        double mass() {
            double sum = 0;
            for (double v : wf) {
                sum += v;
            }
            return sum;
        }
    }

    /**
     * Simpson's grid on (lower, upper) centred on mean, as {z, weights}; empty if lower ≥ upper.
     */
    double[][] grid(double mean, double lower, double upper) {
        double lowest = mean + offsets[0];
        double highest = mean + offsets[offsets.length - 1];
        double from = Math.max(lower, lowest);
        double to = Math.min(upper, highest);
        if (!(from < to)) {
            return new double[][] {new double[0], new double[0]};
        }
        double[] coarse = new double[offsets.length + 2];
        int n = 0;
        coarse[n++] = from;
        for (double offset : offsets) {
            double x = mean + offset;
            if (x > from && x < to) {
                coarse[n++] = x;
            }
        }
        coarse[n++] = to;
        int m = 2 * n - 1;
        double[] z = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < n - 1; i++) {
            double h = coarse[i + 1] - coarse[i];
            z[2 * i] = coarse[i];
            z[2 * i + 1] = 0.5 * (coarse[i] + coarse[i + 1]);
            w[2 * i] += h / 6;
            w[2 * i + 1] = 4 * h / 6;
            w[2 * i + 2] += h / 6;
        }
        z[m - 1] = coarse[n - 1];
        return new double[][] {z, w};
    }

    /** The grid of the first look: Z₁ ~ N(δ√t₁, 1) on (lower, upper). */
    Stage first(double t, double drift, double lower, double upper) {
        double mean = drift * Math.sqrt(t);
        double[][] g = grid(mean, lower, upper);
        double[] z = g[0];
        double[] wf = g[1];
        for (int i = 0; i < z.length; i++) {
            wf[i] *= Normal.pdf(z[i] - mean);
        }
        return new Stage(z, wf);
    }

    /** The grid of look k from that of look k − 1, on (lower, upper). */
    Stage next(Stage previous, double tPrevious, double t, double drift, double lower, double upper) {
        double s = Math.sqrt(tPrevious);
        double bigS = Math.sqrt(t);
        double delta = t - tPrevious;
        double sd = Math.sqrt(delta);
        double shift = drift * delta;
        double[][] g = grid(drift * bigS, lower, upper);
        double[] z = g[0];
        double[] wf = g[1];
        double[] zp = previous.z;
        double[] wfp = previous.wf;
        double scale = bigS / sd * Normal.INV_SQRT_2PI;
        double inverseSd = 1 / sd;
        for (int i = 0; i < z.length; i++) {
            double centre = z[i] * bigS - shift;
            double sum = 0;
            for (int j = 0; j < zp.length; j++) {
                double u = (centre - zp[j] * s) * inverseSd;
                sum += wfp[j] * Math.exp(-0.5 * u * u);
            }
            wf[i] *= scale * sum;
        }
        return new Stage(z, wf);
    }

    /** P(continue to look k − 1, then Z_k ≥ bound). */
    static double upperExit(Stage previous, double tPrevious, double t, double drift, double bound) {
        if (bound == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double s = Math.sqrt(tPrevious);
        double sd = Math.sqrt(t - tPrevious);
        double centre = bound * Math.sqrt(t) - drift * (t - tPrevious);
        double sum = 0;
        for (int j = 0; j < previous.z.length; j++) {
            sum += previous.wf[j] * Normal.sf((centre - previous.z[j] * s) / sd);
        }
        return sum;
    }

    /** P(continue to look k − 1, then Z_k ≤ bound). */
    static double lowerExit(Stage previous, double tPrevious, double t, double drift, double bound) {
        if (bound == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double s = Math.sqrt(tPrevious);
        double sd = Math.sqrt(t - tPrevious);
        double centre = bound * Math.sqrt(t) - drift * (t - tPrevious);
        double sum = 0;
        for (int j = 0; j < previous.z.length; j++) {
            sum += previous.wf[j] * Normal.cdf((centre - previous.z[j] * s) / sd);
        }
        return sum;
    }

    /**
     * The efficacy bounds that spend the given cumulative α at each look under δ = 0, with no lower
     * bound (futility bounds are non-binding and do not lower the efficacy bounds).
     *
     * @param t information fractions, increasing
     * @param cumulativeAlpha α spent by each look, non-decreasing, below 1
     * @return the z bounds (+∞ where a look has nothing to spend)
     */
    double[] efficacyBounds(double[] t, double[] cumulativeAlpha) {
        int looks = t.length;
        double[] bounds = new double[looks];
        bounds[0] = cumulativeAlpha[0] > 0 ? Normal.upperQuantile(cumulativeAlpha[0]) : Double.POSITIVE_INFINITY;
        if (looks == 1) {
            return bounds;
        }
        Stage stage = first(t[0], 0, Double.NEGATIVE_INFINITY, bounds[0]);
        for (int k = 1; k < looks; k++) {
            double target = cumulativeAlpha[k] - cumulativeAlpha[k - 1];
            bounds[k] = target > 0 ? solveUpper(stage, t[k - 1], t[k], target) : Double.POSITIVE_INFINITY;
            if (k < looks - 1) {
                stage = next(stage, t[k - 1], t[k], 0, Double.NEGATIVE_INFINITY, bounds[k]);
            }
        }
        return bounds;
    }

    /** The b with upperExit(b) = target under δ = 0: safeguarded Newton on log upperExit. */
    private static double solveUpper(Stage previous, double tPrevious, double t, double target) {
        double s = Math.sqrt(tPrevious);
        double bigS = Math.sqrt(t);
        double sd = Math.sqrt(t - tPrevious);
        double logTarget = Math.log(target);
        double[] value = new double[2];
        // Bracket: F decreasing in b; start from the bound that ignores earlier looks.
        double b = Normal.upperQuantile(target);
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < 200; iteration++) {
            exitAndSlope(previous, s, bigS, sd, b, value);
            double f = value[0];
            if (f > target) {
                lo = b;
            } else {
                hi = b;
            }
            double next;
            if (f > 0 && value[1] < 0) {
                // g(b) = ln F(b) - ln target, g' = F'/F
                next = b - (Math.log(f) - logTarget) / (value[1] / f);
            } else {
                next = Double.NaN;
            }
            if (!(next > lo && next < hi)) {
                if (lo == Double.NEGATIVE_INFINITY) {
                    next = hi - 1;
                } else if (hi == Double.POSITIVE_INFINITY) {
                    next = lo + 1;
                } else {
                    next = 0.5 * (lo + hi);
                }
            }
            if (Math.abs(next - b) <= 1e-13 * Math.max(1, Math.abs(b)) || hi - lo <= 1e-13 * Math.max(1, Math.abs(b))) {
                return next;
            }
            b = next;
        }
        throw new IllegalStateException("efficacy bound search did not converge");
    }

    private static void exitAndSlope(Stage previous, double s, double bigS, double sd, double b, double[] out) {
        double f = 0;
        double slope = 0;
        double centre = b * bigS;
        for (int j = 0; j < previous.z.length; j++) {
            double u = (centre - previous.z[j] * s) / sd;
            f += previous.wf[j] * Normal.sf(u);
            slope -= previous.wf[j] * Normal.pdf(u);
        }
        out[0] = f;
        out[1] = slope * bigS / sd;
    }

    /**
     * Exit probabilities under drift δ: upper[k] = P(first crossing is of b_k at look k), lower[k] =
     * P(first crossing is of a_k at look k); at the last look lower is P(reach it and Z_K &lt; b_K).
     */
    void exitProbabilities(double[] t, double[] lower, double[] upper, double drift, double[] upOut, double[] lowOut) {
        int looks = t.length;
        double mean = drift * Math.sqrt(t[0]);
        upOut[0] = upper[0] == Double.POSITIVE_INFINITY ? 0 : Normal.sf(upper[0] - mean);
        lowOut[0] = lower[0] == Double.NEGATIVE_INFINITY ? 0 : Normal.cdf(lower[0] - mean);
        if (looks == 1) {
            return;
        }
        Stage stage = first(t[0], drift, lower[0], upper[0]);
        for (int k = 1; k < looks; k++) {
            upOut[k] = upperExit(stage, t[k - 1], t[k], drift, upper[k]);
            lowOut[k] = lowerExit(stage, t[k - 1], t[k], drift, lower[k]);
            if (k < looks - 1) {
                stage = next(stage, t[k - 1], t[k], drift, lower[k], upper[k]);
            }
        }
    }
}
