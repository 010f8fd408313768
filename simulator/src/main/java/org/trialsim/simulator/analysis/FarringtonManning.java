package org.trialsim.simulator.analysis;

/**
 * The Farrington–Manning score test of a difference in response rates with a margin: the null hypothesis
 * is p₁ − p₀ ≤ δ (experimental minus control), against p₁ − p₀ > δ. With δ below 0 a rejection shows
 * non-inferiority by the margin |δ|; with δ above 0, superiority by δ.
 *
 * <p>z = (p̂₁ − p̂₀ − δ)/√(p̃₁(1 − p̃₁)/n₁ + p̃₀(1 − p̃₀)/n₀), where p̃₁, p̃₀ = p̃₁ − δ are the maximum
 * likelihood estimates under the constraint p₁ − p₀ = δ, the root of a cubic in closed form (Farrington &amp;
 * Manning 1990, Stat Med 9:1447, eq. 5 and appendix; Miettinen &amp; Nurminen 1985 without their n/(n − 1)
 * factor). The one-sided p-value is 1 − Φ(z); the test rejects at level α when z ≥ z₁₋α.
 */
public final class FarringtonManning {
    private FarringtonManning() {
    }

    /**
     * The result of the test.
     *
     * @param z                      the score statistic, positive when the experimental arm does better than the margin
     * @param pOneSided              1 − Φ(z), against p₁ − p₀ > δ
     * @param restrictedExperimental p̃₁, the experimental rate estimated under the null
     * @param restrictedControl      p̃₀ = p̃₁ − δ
     */
    public record Result(double z, double pOneSided, double restrictedExperimental, double restrictedControl) {
    }

    /**
     * Tests p₁ − p₀ ≤ δ.
     *
     * @param x1     responses on the experimental arm
     * @param n1     patients on the experimental arm
     * @param x0     responses on the control arm
     * @param n0     patients on the control arm
     * @param margin δ, strictly between −1 and 1
     * @return the result; z and the p-value are NaN when an arm is empty or the variance under the null is 0
     */
    public static Result test(int x1, int n1, int x0, int n0, double margin) {
        if (!(margin > -1 && margin < 1)) {
            throw new IllegalArgumentException("the margin is a difference in rates strictly between -1 and 1, not " + margin);
        }
        if (x1 < 0 || x0 < 0 || x1 > n1 || x0 > n0) {
            throw new IllegalArgumentException("responses must be from 0 to the patients: " + x1 + "/" + n1 + ", " + x0 + "/" + n0);
        }
        if (n1 == 0 || n0 == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        double d = margin;
        double theta = (double) n0 / n1;
        double a = 1 + theta;
        double b = -(1 + theta + p1 + theta * p0 + d * (theta + 2));
        double c = d * d + d * (2 * p1 + theta + 1) + p1 + theta * p0;
        double e = -p1 * d * (1 + d);
        double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + e / (2 * a);
        double u = Math.signum(v) * Math.sqrt(Math.max(0, b * b / (9 * a * a) - c / (3 * a)));
        // a triple root (u = 0) needs no angle; rounding can push |v/u³| just past 1
        double ratio = u == 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
        double w = (Math.PI + Math.acos(ratio)) / 3;
        double r1 = Math.max(0, Math.min(1, 2 * u * Math.cos(w) - b / (3 * a)));
        double r0 = Math.max(0, Math.min(1, r1 - d));
        double variance = r1 * (1 - r1) / n1 + r0 * (1 - r0) / n0;
        double z = variance > 0 ? (p1 - p0 - d) / Math.sqrt(variance) : Double.NaN;
        return new Result(z, Normal.sf(z), r1, r0);
    }
}
