package org.trialsim.simulator.design.sizing;

import java.util.Arrays;

/**
 * The assumed survival of both arms: the control arm's piecewise-constant hazard (per month), the
 * experimental arm's under proportional hazards (the control's times the hazard ratio), and each arm's
 * exponential loss to follow-up. rpact's {@code lambda2}, {@code piecewiseSurvivalTime},
 * {@code hazardRatio} and {@code dropoutRate1/2} over {@code dropoutTime}. Immutable.
 */
public final class Hazards {
    private final double[] starts;
    private final double[] control;
    private final double hazardRatio;
    private final double dropoutExperimental;
    private final double dropoutControl;

    private Hazards(double[] starts, double[] control, double hazardRatio, double dropoutExperimental, double dropoutControl) {
        this.starts = starts;
        this.control = control;
        this.hazardRatio = hazardRatio;
        this.dropoutExperimental = dropoutExperimental;
        this.dropoutControl = dropoutControl;
    }

    /**
     * Exponential survival: a constant control hazard.
     *
     * @param controlHazard events per patient-month on the control arm (ln 2 / median), &gt; 0
     * @param hazardRatio   experimental / control, &gt; 0
     * @return the hazards, without loss to follow-up
     */
    public static Hazards exponential(double controlHazard, double hazardRatio) {
        return piecewise(new double[0], new double[] {controlHazard}, hazardRatio);
    }

    /**
     * Piecewise-exponential survival.
     *
     * @param changeMonths  the months (increasing, &gt; 0) at which the control hazard changes
     * @param controlHazard one more hazard than changes, each &ge; 0 and finite, the first piece's &gt; 0
     * @param hazardRatio   experimental / control, &gt; 0 and finite
     * @return the hazards, without loss to follow-up
     */
    public static Hazards piecewise(double[] changeMonths, double[] controlHazard, double hazardRatio) {
        if (controlHazard.length != changeMonths.length + 1) {
            throw new IllegalArgumentException("there must be one more hazard than change months; got " + controlHazard.length
                    + " hazards and " + changeMonths.length + " changes");
        }
        double previous = 0;
        for (double m : changeMonths) {
            if (!(m > previous) || m == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("change months must be finite, > 0 and increasing; got " + Arrays.toString(changeMonths));
            }
            previous = m;
        }
        for (double h : controlHazard) {
            if (!(h >= 0) || h == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("hazards must be finite and >= 0; got " + Arrays.toString(controlHazard));
            }
        }
        if (Arrays.stream(controlHazard).allMatch(h -> h == 0)) {
            throw new IllegalArgumentException("a hazard must be above 0, or no event ever happens");
        }
        if (!(hazardRatio > 0) || hazardRatio == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("hazardRatio must be finite and > 0; got " + hazardRatio);
        }
        double[] starts = new double[changeMonths.length + 1];
        System.arraycopy(changeMonths, 0, starts, 1, changeMonths.length);
        return new Hazards(starts, controlHazard.clone(), hazardRatio, 0, 0);
    }

    /**
     * The same hazards with exponential loss to follow-up: a fraction lost by a given month, as rpact's
     * {@code dropoutRate1}, {@code dropoutRate2} and {@code dropoutTime}.
     *
     * @param lostExperimental fraction of the experimental arm lost by {@code months}, in [0, 1)
     * @param lostControl      fraction of the control arm lost by {@code months}, in [0, 1)
     * @param months           the month at which the fractions are lost, &gt; 0
     * @return the hazards with loss to follow-up
     */
    public Hazards withDropout(double lostExperimental, double lostControl, double months) {
        if (!(months > 0) || months == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dropout months must be finite and > 0; got " + months);
        }
        return withDropoutHazards(lossHazard(lostExperimental, months), lossHazard(lostControl, months));
    }

    /**
     * The same hazards with the given losses to follow-up per patient-month.
     *
     * @param experimental the experimental arm's loss hazard, &ge; 0
     * @param control      the control arm's loss hazard, &ge; 0
     * @return the hazards with loss to follow-up
     */
    public Hazards withDropoutHazards(double experimental, double control) {
        if (!(experimental >= 0 && control >= 0) || experimental == Double.POSITIVE_INFINITY || control == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dropout hazards must be finite and >= 0; got " + experimental + " and " + control);
        }
        return new Hazards(starts, this.control, hazardRatio, experimental, control);
    }

    private static double lossHazard(double lost, double months) {
        if (!(lost >= 0 && lost < 1)) {
            throw new IllegalArgumentException("the fraction lost must be in [0, 1); got " + lost);
        }
        return -Math.log1p(-lost) / months;
    }

    /** The hazard ratio, experimental / control. */
    public double hazardRatio() {
        return hazardRatio;
    }

    /** The months at which the hazard changes (empty for exponential survival). */
    public double[] changeMonths() {
        return Arrays.copyOfRange(starts, 1, starts.length);
    }

    /** The control arm's hazards per month, one per piece. */
    public double[] controlHazards() {
        return control.clone();
    }

    /** The experimental arm's loss to follow-up per patient-month. */
    public double dropoutExperimental() {
        return dropoutExperimental;
    }

    /** The control arm's loss to follow-up per patient-month. */
    public double dropoutControl() {
        return dropoutControl;
    }

    /** Whether the hazard is constant (one piece). */
    public boolean isExponential() {
        return control.length == 1;
    }

    ArmSurvival experimentalArm() {
        double[] h = control.clone();
        for (int j = 0; j < h.length; j++) {
            h[j] *= hazardRatio;
        }
        return new ArmSurvival(starts, h, dropoutExperimental);
    }

    ArmSurvival controlArm() {
        return new ArmSurvival(starts, control, dropoutControl);
    }
}
