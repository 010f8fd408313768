package org.trialsim.simulator.analysis;

/**
 * Events, drift and power of a two-arm survival comparison by the log-rank test under proportional
 * hazards, by Schoenfeld's (1981, Biometrika 68:316) approximation: with D events, a fraction π of
 * patients on the experimental arm and hazard ratio h (experimental/control), the log-rank Z is
 * approximately normal with mean ln(h)·√(π(1 − π)D) and variance 1. Tests are one-sided at level
 * α; the drift is reported in the efficacy orientation of {@link GroupSequentialDesign}
 * (positive when h &lt; 1). These are rpact's {@code getPowerSurvival} and
 * {@code getSampleSizeSurvival} relations with {@code typeOfComputation = "Schoenfeld"} and
 * allocation ratio π/(1 − π).
 */
public final class SurvivalPower {
    private SurvivalPower() {
    }

    /**
     * The drift δ = −ln(h)·√(π(1 − π)D): the mean of the efficacy-oriented Z with D events.
     *
     * @param events D (&gt; 0, need not be whole)
     * @param hazardRatio h (&gt; 0)
     * @param allocation π, the fraction of patients on the experimental arm, in (0, 1)
     * @return δ
     */
    public static double drift(double events, double hazardRatio, double allocation) {
        check(hazardRatio, allocation);
        if (!(events > 0) || events == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("events must be finite and > 0; got " + events);
        }
        return -Math.log(hazardRatio) * Math.sqrt(allocation * (1 - allocation) * events);
    }

    /**
     * The events at which the drift is δ: D = δ² / (π(1 − π) ln²h).
     *
     * @param drift δ
     * @param hazardRatio h (&gt; 0, ≠ 1)
     * @param allocation π in (0, 1)
     * @return D
     */
    public static double events(double drift, double hazardRatio, double allocation) {
        check(hazardRatio, allocation);
        double logHr = Math.log(hazardRatio);
        if (logHr == 0) {
            throw new IllegalArgumentException("hazardRatio must differ from 1");
        }
        return drift * drift / (allocation * (1 - allocation) * logHr * logHr);
    }

    /**
     * Events for a fixed (single-look) design: D = (z<sub>1−α</sub> + z<sub>1−β</sub>)² / (π(1 − π) ln²h).
     *
     * @param alpha one-sided α in (0, 1)
     * @param power 1 − β in (α, 1)
     * @param hazardRatio h (&gt; 0, ≠ 1)
     * @param allocation π in (0, 1)
     * @return D, not rounded
     */
    public static double fixedDesignEvents(double alpha, double power, double hazardRatio, double allocation) {
        checkAlphaPower(alpha, power);
        return events(Normal.upperQuantile(alpha) + Normal.upperQuantile(1 - power), hazardRatio, allocation);
    }

    /**
     * Power of a fixed design with D events: Φ(|ln h|·√(π(1 − π)D) − z<sub>1−α</sub>) for the true
     * direction (h &lt; 1 is the direction tested; for h &gt; 1 the result is the small probability of
     * rejecting in favour of the experimental arm).
     *
     * @param events D
     * @param alpha one-sided α
     * @param hazardRatio h
     * @param allocation π
     * @return the power
     */
    public static double fixedDesignPower(double events, double alpha, double hazardRatio, double allocation) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1); got " + alpha);
        }
        return Normal.sf(Normal.upperQuantile(alpha) - drift(events, hazardRatio, allocation));
    }

    /**
     * The maximum number of events (at information fraction 1) for a group-sequential design to have
     * the given power: the fixed design's events times the design's inflation factor.
     *
     * @param design the design (futility bounds, if any, are applied)
     * @param power 1 − β
     * @param hazardRatio h (&gt; 0, ≠ 1)
     * @param allocation π
     * @return D<sub>max</sub>, not rounded (rpact's {@code maxNumberOfEvents})
     */
    public static double maxEvents(GroupSequentialDesign design, double power, double hazardRatio, double allocation) {
        return events(design.driftForPower(power), hazardRatio, allocation);
    }

    /**
     * The expected number of events at stopping for a design with D<sub>max</sub> events at t = 1.
     *
     * @param design the design
     * @param maxEvents D<sub>max</sub>
     * @param hazardRatio the true h (1 for the expectation under H₀)
     * @param allocation π
     * @return D<sub>max</sub>·Σ t<sub>k</sub> P(stop at k)
     */
    public static double expectedEvents(GroupSequentialDesign design, double maxEvents, double hazardRatio,
                                        double allocation) {
        return maxEvents * design.probabilities(drift(maxEvents, hazardRatio, allocation)).expectedInformationFraction();
    }

    private static void check(double hazardRatio, double allocation) {
        if (!(hazardRatio > 0) || hazardRatio == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("hazardRatio must be finite and > 0; got " + hazardRatio);
        }
        if (!(allocation > 0 && allocation < 1)) {
            throw new IllegalArgumentException("allocation must be in (0, 1); got " + allocation);
        }
    }

    private static void checkAlphaPower(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1); got " + alpha);
        }
        if (!(power > alpha && power < 1)) {
            throw new IllegalArgumentException("power must be in (alpha, 1); got " + power);
        }
    }
}
