package org.trialsim.simulator.design.sizing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.GroupSequentialProbabilities;

/**
 * The sample size of a one-sided test on rates by the normal approximation, as rpact's
 * {@code getSampleSizeRates(normalApproximation = TRUE, riskRatio = FALSE)}.
 *
 * <p>Two samples, H₀: p₁ − p₂ ≤ θ₀ against the assumed p₁, p₂ with r experimental patients per control
 * patient: n₁ = (z<sub>1−α</sub> √(q₁(1−q₁) + r q₂(1−q₂)) + z<sub>1−β</sub> √(p₁(1−p₁) + r p₂(1−p₂)))² /
 * (p₁ − p₂ − θ₀)², n₂ = n₁ / r, where q₁, q₂ are the maximum-likelihood rates restricted to q₁ − q₂ = θ₀
 * (Farrington &amp; Manning 1990, Stat Med 9:1447; the cubic's closed-form root). θ₀ &lt; 0 is a
 * non-inferiority margin. One sample, H₀: p ≤ p₀: n = (z<sub>1−α</sub> √(p₀(1−p₀)) + z<sub>1−β</sub>
 * √(p₁(1−p₁)))² / (p₁ − p₀)². A group-sequential design multiplies the single-look size by its
 * inflation factor. Immutable.
 */
public final class RatesSizing {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private final boolean twoSample;
    private final double p1;
    private final double p2;
    private final double margin;
    private final double ratio;
    private final GroupSequentialDesign design;

    private RatesSizing(boolean twoSample, double p1, double p2, double margin, double ratio, GroupSequentialDesign design) {
        this.twoSample = twoSample;
        this.p1 = p1;
        this.p2 = p2;
        this.margin = margin;
        this.ratio = ratio;
        this.design = design;
    }

    /**
     * Two arms.
     *
     * @param experimental p₁ in (0, 1)
     * @param control      p₂ in (0, 1)
     * @param margin       θ₀ in (−1, 1), below p₁ − p₂
     * @param ratio        r &gt; 0
     * @param design       the looks
     * @return the question
     */
    public static RatesSizing twoSample(double experimental, double control, double margin, double ratio, GroupSequentialDesign design) {
        checkRate(experimental, "experimental rate");
        checkRate(control, "control rate");
        if (!(margin > -1 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in (-1, 1); got " + margin);
        }
        if (!(experimental - control > margin)) {
            throw new IllegalArgumentException("the difference of the rates (" + (experimental - control) + ") must be above the"
                    + " margin (" + margin + "): the trial tests whether the experimental rate exceeds the control rate plus it");
        }
        if (!(ratio > 0) || ratio == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("allocation ratio must be finite and > 0; got " + ratio);
        }
        return new RatesSizing(true, experimental, control, margin, ratio, design);
    }

    /** The same as {@link #twoSample(double, double, double, double, GroupSequentialDesign)} with the looks' design. */
    public static RatesSizing twoSample(double experimental, double control, double margin, double ratio, Looks looks) {
        return twoSample(experimental, control, margin, ratio, looks.design());
    }

    /** The same as {@link #oneSample(double, double, GroupSequentialDesign)} with the looks' design. */
    public static RatesSizing oneSample(double rate, double nullRate, Looks looks) {
        return oneSample(rate, nullRate, looks.design());
    }

    /**
     * One arm against a fixed rate.
     *
     * @param rate     p₁ in (0, 1), above p₀
     * @param nullRate p₀ in (0, 1)
     * @param design   the looks
     * @return the question
     */
    public static RatesSizing oneSample(double rate, double nullRate, GroupSequentialDesign design) {
        checkRate(rate, "rate");
        checkRate(nullRate, "null rate");
        if (!(rate > nullRate)) {
            throw new IllegalArgumentException("the rate (" + rate + ") must be above the null rate (" + nullRate + ")");
        }
        return new RatesSizing(false, rate, nullRate, nullRate, 1, design);
    }

    /**
     * The patients for the target power.
     *
     * @param power 1 − β in (α, 1)
     * @return the sample size
     */
    public RatesResult sampleSize(double power) {
        double alpha = design.spending().alpha();
        double zAlpha = NORMAL.inverseSurvivalProbability(alpha);
        double zBeta = NORMAL.inverseSurvivalProbability(1 - power);
        double q1;
        double q2;
        double fixed;
        if (twoSample) {
            double[] q = restricted(p1, p2, margin, ratio);
            q1 = q[0];
            q2 = q[1];
            double root = zAlpha * Math.sqrt(q1 * (1 - q1) + q2 * (1 - q2) * ratio)
                    + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2) * ratio);
            double d = p1 - p2 - margin;
            double n1 = root * root / (d * d);
            fixed = n1 + n1 / ratio;
        } else {
            q1 = p2;
            q2 = Double.NaN;
            double root = zAlpha * Math.sqrt(p2 * (1 - p2)) + zBeta * Math.sqrt(p1 * (1 - p1));
            fixed = root * root / ((p1 - p2) * (p1 - p2));
        }
        double drift = design.driftForPower(power);
        double z = zAlpha + zBeta;
        double inflation = drift * drift / (z * z);
        double n = fixed * inflation;
        GroupSequentialProbabilities underH1 = design.probabilities(drift);
        List<RatesResult.Look> looks = new ArrayList<>();
        for (int k = 0; k < design.looks(); k++) {
            double t = design.informationFraction(k);
            looks.add(new RatesResult.Look(t, n * t, design.efficacyBound(k), design.futilityBound(k),
                    design.cumulativeAlphaSpent(k), underH1.efficacy(k), underH1.futility(k)));
        }
        return new RatesResult(twoSample, p1, p2, margin, ratio, alpha, power, q1, q2, fixed, inflation, n,
                n * underH1.expectedInformationFraction(), n * design.probabilities(0).expectedInformationFraction(), looks);
    }

    /**
     * Farrington and Manning's maximum-likelihood rates (q₁, q₂) under q₁ − q₂ = θ, for r experimental
     * patients per control patient: the root of a cubic in q₁ in trigonometric form (their equation (3),
     * as rpact's {@code .getFarringtonManningValuesDiff}).
     */
    static double[] restricted(double rate1, double rate2, double theta, double r) {
        if (theta == 0) {
            double pooled = (r * rate1 + rate2) / (1 + r);
            return new double[] {pooled, pooled};
        }
        double a = 1 + 1 / r;
        double b = -(1 + 1 / r + rate1 + rate2 / r + theta * (1 / r + 2));
        double c = theta * theta + theta * (2 * rate1 + 1 / r + 1) + rate1 + rate2 / r;
        double d = -theta * (1 + theta) * rate1;
        double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
        double u;
        double w;
        if (v == 0) {
            u = Math.sqrt(b * b / (9 * a * a) - c / (3 * a));
            w = Math.PI / 2;
        } else {
            u = Math.signum(v) * Math.sqrt(b * b / (9 * a * a) - c / (3 * a));
            w = (Math.PI + Math.acos(v / (u * u * u))) / 3;
        }
        double q1 = Math.min(Math.max(0, 2 * u * Math.cos(w) - b / (3 * a)), 1);
        double q2 = Math.min(Math.max(0, q1 - theta), 1);
        return new double[] {q1, q2};
    }

    private static void checkRate(double p, String what) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1); got " + p);
        }
    }
}
