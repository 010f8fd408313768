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
    private final GroupSequentialDesign design;

    private Looks(Spending spending, GroupSequentialDesign design) {
        this.spending = spending;
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
            return new Looks(spending, design);
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
        return new Looks(spending, design.withFutilityBounds(futility));
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
