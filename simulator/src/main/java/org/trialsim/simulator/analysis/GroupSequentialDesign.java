package org.trialsim.simulator.analysis;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A one-sided group-sequential design with Lan–DeMets α spending and optional non-binding futility
 * bounds, its efficacy bounds computed exactly by recursive numerical integration (Jennison &amp;
 * Turnbull 2000, ch. 19), as rpact's {@code getDesignGroupSequential(sided = 1, typeOfDesign = "asOF"
 * or "asP", futilityBounds = …, bindingFutility = FALSE)}.
 *
 * <p><b>Orientation.</b> Bounds apply to a standardised statistic Z<sub>k</sub> that is
 * <em>large when the experimental arm is better</em>: reject H₀ at look k if Z<sub>k</sub> ≥
 * b<sub>k</sub>. For the hazard-based statistics of this package, which are negative when the
 * experimental arm is better, pass −Z (e.g. {@code -logRank.z()}).
 *
 * <p><b>Information.</b> Looks are at information fractions t₁ &lt; … &lt; t<sub>K</sub> (for survival,
 * events observed / events planned). The bound at look k depends only on t₁ … t<sub>k</sub>, so a
 * trial monitored at the information actually observed recomputes the design with
 * {@link #of(SpendingFunction, double[], boolean)} at each look, the last fraction being the current
 * look's. At a final analysis α is spent in full whatever the information reached (Lan–DeMets);
 * the spending function is evaluated at min(t, 1) at every other look.
 *
 * <p><b>Futility.</b> Futility bounds are fixed z values a<sub>k</sub> at the interim looks (stop and
 * accept H₀ if Z<sub>k</sub> ≤ a<sub>k</sub>). They are non-binding: the efficacy bounds ignore them,
 * so type I error stays at most α whether or not the trial stops when a bound is crossed, while
 * {@link #probabilities(double)} reports the operating characteristics when it does stop. Fixed
 * bounds keep the efficacy bounds independent of the assumed effect; {@link #withBetaSpending} derives
 * non-binding bounds from a β spending function instead (they depend on the drift the design is planned for).
 *
 * <p>Looks are indexed from 0. Instances are immutable.
 */
public final class GroupSequentialDesign {
    private final SpendingFunction spending;
    private final double[] fractions;
    private final double[] cumulativeAlpha;
    private final double[] efficacy;
    /** Length K: −∞ for no futility bound; the last element is −∞ (no futility at the final look). */
    private final double[] futility;
    private final int grid;

    private GroupSequentialDesign(SpendingFunction spending, double[] fractions, double[] cumulativeAlpha,
                                  double[] efficacy, double[] futility, int grid) {
        this.spending = spending;
        this.fractions = fractions;
        this.cumulativeAlpha = cumulativeAlpha;
        this.efficacy = efficacy;
        this.futility = futility;
        this.grid = grid;
    }

    /**
     * A design whose last look is the final analysis (it spends all of α).
     *
     * @param spending the α spending function
     * @param informationFractions t₁ &lt; … &lt; t<sub>K</sub>, finite and &gt; 0 (usually ending with 1)
     * @return the design, without futility bounds
     */
    public static GroupSequentialDesign of(SpendingFunction spending, double... informationFractions) {
        return of(spending, informationFractions, true);
    }

    /**
     * A design, or the looks of a trial so far.
     *
     * @param spending the α spending function
     * @param informationFractions t₁ &lt; … &lt; t<sub>K</sub>, finite and &gt; 0; fractions above 1 are
     *     allowed (more information than planned) and spend no more than α
     * @param lastLookIsFinal whether look K is the final analysis and spends all remaining α; if false
     *     it spends α(min(t<sub>K</sub>, 1)), as an interim look
     * @return the design, without futility bounds
     */
    public static GroupSequentialDesign of(SpendingFunction spending, double[] informationFractions,
                                           boolean lastLookIsFinal) {
        return of(spending, informationFractions, lastLookIsFinal, SequentialIntegration.DEFAULT_GRID);
    }

    static GroupSequentialDesign of(SpendingFunction spending, double[] informationFractions,
                                    boolean lastLookIsFinal, int grid) {
        int looks = informationFractions.length;
        if (looks == 0) {
            throw new IllegalArgumentException("informationFractions must not be empty");
        }
        double previous = 0;
        for (int k = 0; k < looks; k++) {
            double t = informationFractions[k];
            if (!(t > previous) || t == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("informationFractions must be finite, > 0 and increasing; got "
                    + Arrays.toString(informationFractions));
            }
            previous = t;
        }
        double[] fractions = informationFractions.clone();
        double[] cumulative = new double[looks];
        for (int k = 0; k < looks; k++) {
            cumulative[k] = lastLookIsFinal && k == looks - 1 ? spending.alpha() : spending.spent(Math.min(fractions[k], 1));
        }
        double[] efficacy = new SequentialIntegration(grid).efficacyBounds(fractions, cumulative);
        double[] futility = new double[looks];
        Arrays.fill(futility, Double.NEGATIVE_INFINITY);
        return new GroupSequentialDesign(spending, fractions, cumulative, efficacy, futility, grid);
    }

    /**
     * The same design with non-binding futility bounds at the interim looks; the efficacy bounds are
     * unchanged.
     *
     * @param bounds a₁ … a<sub>K−1</sub>: z values (or −∞ for none at that look), each below the look's
     *     efficacy bound
     * @return the design with futility bounds
     */
    public GroupSequentialDesign withFutilityBounds(double... bounds) {
        int looks = fractions.length;
        if (bounds.length != looks - 1) {
            throw new IllegalArgumentException("a design with " + looks + " looks takes " + (looks - 1)
                + " futility bounds (none at the final look); got " + bounds.length);
        }
        double[] futilityBounds = new double[looks];
        futilityBounds[looks - 1] = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < looks - 1; k++) {
            if (!(bounds[k] < efficacy[k])) {
                throw new IllegalArgumentException("futility bound at look " + k + " must be below the efficacy bound "
                    + efficacy[k] + "; got " + bounds[k]);
            }
            futilityBounds[k] = bounds[k];
        }
        return new GroupSequentialDesign(spending, fractions, cumulativeAlpha, efficacy, futilityBounds, grid);
    }

    /**
     * The same design with non-binding futility bounds from a β spending function, as rpact's
     * {@code typeBetaSpending} with {@code bindingFutility = FALSE}: at the drift δ the design is
     * planned for, the chance of stopping for futility by look k is β(t<sub>k</sub>) (with the efficacy
     * bounds applied), and δ is the drift at which all of β is spent by the final look, so the power
     * there is 1 − β. A futility bound that would exceed its look's efficacy bound is set to it, as in
     * rpact. The efficacy bounds are unchanged.
     *
     * @param betaSpending β(t), its total β = 1 − power, with 0 &lt; β &lt; 1 − α
     * @return the design with futility bounds at its interim looks
     */
    public GroupSequentialDesign withBetaSpending(SpendingFunction betaSpending) {
        double beta = betaSpending.alpha();
        if (!(beta > 0 && beta < 1 - spending.alpha())) {
            throw new IllegalArgumentException("beta must be in (0, 1 - alpha); got " + beta);
        }
        int looks = fractions.length;
        if (looks == 1) {
            return this;
        }
        // The chance of not rejecting at the final look falls as the drift grows (the early futility
        // stops are held at β(t_{K-1}) by construction); bracket the drift, then bisect.
        double lo = 0;
        double hi = Normal.upperQuantile(spending.alpha()) + Normal.upperQuantile(beta);
        while (betaSpendingDesign(betaSpending, hi).probabilities(hi).power() < 1 - beta) {
            lo = hi;
            hi *= 1.5;
        }
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12 * hi; iteration++) {
            double mid = 0.5 * (lo + hi);
            if (betaSpendingDesign(betaSpending, mid).probabilities(mid).power() < 1 - beta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double drift = 0.5 * (lo + hi);
        return betaSpendingDesign(betaSpending, drift);
    }

    /** The futility bounds that spend β(t) at this drift, look by look. */
    private GroupSequentialDesign betaSpendingDesign(SpendingFunction betaSpending, double drift) {
        int looks = fractions.length;
        double[] bounds = new double[looks];
        Arrays.fill(bounds, Double.NEGATIVE_INFINITY);
        SequentialIntegration integration = new SequentialIntegration(grid);
        for (int k = 0; k < looks - 1; k++) {
            double target = betaSpending.spent(Math.min(fractions[k], 1)) - (k == 0 ? 0 : betaSpending.spent(Math.min(fractions[k - 1], 1)));
            if (!(target > 0)) {
                continue;
            }
            int look = k;
            double[] t = Arrays.copyOf(fractions, k + 1);
            double[] upper = Arrays.copyOf(efficacy, k + 1);
            double[] up = new double[k + 1];
            double[] low = new double[k + 1];
            DoubleUnaryOperator spent = a -> {
                double[] lower = Arrays.copyOf(bounds, look + 1);
                lower[look] = a;
                integration.exitProbabilities(t, lower, upper, drift, up, low);
                return low[look];
            };
            double top = efficacy[k];
            if (spent.applyAsDouble(top) <= target) {
                bounds[k] = top;
                continue;
            }
            double bottom = Math.min(top, drift * Math.sqrt(fractions[k])) - 1;
            while (spent.applyAsDouble(bottom) > target) {
                bottom -= 2 * (top - bottom);
            }
            double a = bottom;
            double b = top;
            for (int iteration = 0; iteration < 200 && b - a > 1e-12; iteration++) {
                double mid = 0.5 * (a + b);
                if (spent.applyAsDouble(mid) < target) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            bounds[k] = 0.5 * (a + b);
        }
        return new GroupSequentialDesign(spending, fractions, cumulativeAlpha, efficacy, bounds, grid);
    }

    /** The spending function. */
    public SpendingFunction spending() {
        return spending;
    }

    /** The number of looks K. */
    public int looks() {
        return fractions.length;
    }

    /** The information fraction of look k. */
    public double informationFraction(int look) {
        return fractions[look];
    }

    /** The efficacy bound b<sub>k</sub> on the z scale (+∞ if the look has no α to spend). */
    public double efficacyBound(int look) {
        return efficacy[look];
    }

    /** The futility bound a<sub>k</sub> on the z scale (−∞ if none; always −∞ at the last look). */
    public double futilityBound(int look) {
        return futility[look];
    }

    /** The cumulative α spent by look k under H₀ when futility bounds are ignored. */
    public double cumulativeAlphaSpent(int look) {
        return cumulativeAlpha[look];
    }

    /** The nominal one-sided significance level of look k, 1 − Φ(b<sub>k</sub>) (rpact's "stage levels"). */
    public double stageLevel(int look) {
        return Normal.sf(efficacy[look]);
    }

    /** The efficacy bounds, a copy. */
    public double[] efficacyBounds() {
        return efficacy.clone();
    }

    /** The information fractions, a copy. */
    public double[] informationFractions() {
        return fractions.clone();
    }

    /**
     * The probabilities of stopping at each look when E Z<sub>k</sub> = δ√t<sub>k</sub>, with the
     * futility bounds applied. For a survival comparison with D events at t = 1, allocation fraction π
     * and hazard ratio h (experimental/control), δ ≈ −ln(h)·√(π(1 − π)D) (Schoenfeld 1981).
     *
     * @param drift δ, the mean of Z at information fraction 1 (0 for H₀)
     * @return the exit probabilities, power and expected information
     */
    public GroupSequentialProbabilities probabilities(double drift) {
        if (!Double.isFinite(drift)) {
            throw new IllegalArgumentException("drift must be finite; got " + drift);
        }
        int looks = fractions.length;
        double[] lower = futility.clone();
        lower[looks - 1] = efficacy[looks - 1];
        double[] up = new double[looks];
        double[] low = new double[looks];
        new SequentialIntegration(grid).exitProbabilities(fractions, lower, efficacy, drift, up, low);
        return new GroupSequentialProbabilities(drift, fractions, up, low);
    }

    /**
     * The drift δ at which the design (with its futility bounds) has the given power; δ² divided by
     * the fixed design's (z<sub>1−α</sub> + z<sub>1−β</sub>)² is the inflation factor of the maximum
     * information (rpact's {@code getDesignCharacteristics(design)$shift} is δ²).
     *
     * @param power the target power, above the design's α and below 1
     * @return δ
     */
    public double driftForPower(double power) {
        if (!(power > spending.alpha() && power < 1)) {
            throw new IllegalArgumentException("power must be in (alpha, 1); got " + power);
        }
        // Power increases with the drift; bracket from the fixed design's drift, then bisect with secant steps.
        double lo = 0;
        double powerLo = probabilities(0).power() - power;
        double hi = Normal.upperQuantile(spending.alpha()) + Normal.upperQuantile(1 - power);
        double powerHi = probabilities(hi).power() - power;
        while (powerHi < 0) {
            lo = hi;
            powerLo = powerHi;
            hi *= 1.5;
            powerHi = probabilities(hi).power() - power;
        }
        for (int iteration = 0; iteration < 200; iteration++) {
            double next = hi - powerHi * (hi - lo) / (powerHi - powerLo);
            if (!(next > lo && next < hi) || iteration % 3 == 2) {
                next = 0.5 * (lo + hi);
            }
            double value = probabilities(next).power() - power;
            if (value < 0) {
                lo = next;
                powerLo = value;
            } else {
                hi = next;
                powerHi = value;
            }
            if (hi - lo < 1e-11 || value == 0) {
                return next;
            }
        }
        throw new IllegalStateException("drift search did not converge");
    }
}
