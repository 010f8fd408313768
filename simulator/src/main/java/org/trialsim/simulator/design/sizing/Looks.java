package org.trialsim.simulator.design.sizing;

import java.util.Arrays;
import java.util.Locale;
import org.trialsim.simulator.analysis.GroupSequentialDesign;
import org.trialsim.simulator.analysis.SpendingFunction;

/**
 * The error rate and looks of an analytic sample size: one-sided α, the looks' information fractions,
 * Lan–DeMets α spending and non-binding futility bounds, as rpact's {@code getDesignGroupSequential(sided
 * = 1, typeOfDesign = "asOF" or "asP", futilityBounds = …, bindingFutility = FALSE)}. The bounds are
 * {@link GroupSequentialDesign}'s, those of the simulated trials. Immutable.
 */
public final class Looks {
    /** The Lan–DeMets spending functions the calculators offer. */
    public enum Spending {
        /** O'Brien–Fleming type: almost nothing early (rpact's asOF). */
        OBRIEN_FLEMING("obrien-fleming"),
        /** Pocock type: about evenly over the looks (rpact's asP). */
        POCOCK("pocock");

        private final String id;

        Spending(String id) {
            this.id = id;
        }

        /** The name as a protocol file and the command line write it. */
        public String id() {
            return id;
        }
    }

    private final Spending spending;
    private final Spending betaSpending;
    private final GroupSequentialDesign design;

    private Looks(Spending spending, Spending betaSpending, GroupSequentialDesign design) {
        this.spending = spending;
        this.betaSpending = betaSpending;
        this.design = design;
    }

    /**
     * One look: a fixed design.
     *
     * @param alpha one-sided α in (0, 1)
     * @return the looks
     */
    public static Looks single(double alpha) {
        return of(alpha, Spending.OBRIEN_FLEMING, new double[] {1}, new double[0]);
    }

    /**
     * Looks at the given information fractions.
     *
     * @param alpha     one-sided α in (0, 1)
     * @param spending  how α is spent over the looks
     * @param fractions increasing, each in (0, 1], the last 1
     * @param futility  no bounds, or one z value per interim look, each below that look's efficacy bound
     * @return the looks
     * @throws IllegalArgumentException naming what is impossible
     */
    public static Looks of(double alpha, Spending spending, double[] fractions, double[] futility) {
        if (fractions.length == 0 || fractions[fractions.length - 1] != 1) {
            throw new IllegalArgumentException("the information fractions must end with 1, the final look; got " + Arrays.toString(fractions));
        }
        SpendingFunction function = spending == Spending.POCOCK ? SpendingFunction.pocock(alpha) : SpendingFunction.obrienFleming(alpha);
        GroupSequentialDesign design = GroupSequentialDesign.of(function, fractions);
        if (futility.length == 0) {
            return new Looks(spending, null, design);
        }
        if (futility.length != fractions.length - 1) {
            throw new IllegalArgumentException("there must be one futility bound per interim look, none at the final one: "
                    + futility.length + " bounds for " + (fractions.length - 1) + " interim looks");
        }
        for (int k = 0; k < futility.length; k++) {
            if (!(futility[k] < design.efficacyBound(k))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the futility bound of look %d (%s) must be below its"
                        + " efficacy bound (%.4f)", k + 1, futility[k], design.efficacyBound(k)));
            }
        }
        return new Looks(spending, null, design.withFutilityBounds(futility));
    }

    /**
     * The same looks with non-binding futility bounds from a β spending function instead of fixed ones, as
     * rpact's {@code typeBetaSpending = "bsOF"} or {@code "bsP"} with {@code bindingFutility = FALSE}: at the
     * drift the design is planned for, the chance of stopping for futility by each interim look is β(t), and
     * the power at the final look is 1 − β ({@link GroupSequentialDesign#withBetaSpending}). The bounds depend
     * on β, so the power of given events uses the bounds of the design planned for 1 − β, as rpact's
     * {@code getPowerSurvival} uses its design's.
     *
     * @param function the β spending function (Lan–DeMets type, as for α)
     * @param beta     1 − the planned power, above 0 and below 1 − α
     * @return the looks with those futility bounds (a single look has none)
     */
    public Looks withBetaSpending(Spending function, double beta) {
        if (!(beta > 0 && beta < 1 - alpha())) {
            throw new IllegalArgumentException("beta (1 - power) must be above 0 and below 1 - alpha; got " + beta);
        }
        GroupSequentialDesign plain = GroupSequentialDesign.of(design.spending(), design.informationFractions());
        SpendingFunction betaFunction = function == Spending.POCOCK ? SpendingFunction.pocock(beta) : SpendingFunction.obrienFleming(beta);
        return new Looks(spending, function, plain.withBetaSpending(betaFunction));
    }

    /** The β spending function of the futility bounds, or null when they are fixed (or absent). */
    public Spending betaSpending() {
        return betaSpending;
    }

    /** The one-sided α. */
    public double alpha() {
        return design.spending().alpha();
    }

    /** The spending function. */
    public Spending spending() {
        return spending;
    }

    /** The number of looks. */
    public int count() {
        return design.looks();
    }

    GroupSequentialDesign design() {
        return design;
    }
}
