package org.trialsim.simulator.trial;

import java.math.BigDecimal;
import org.trialsim.protocol.Design;

/**
 * The margin of a two-arm comparison other than no effect: the null hypothesis is that the experimental
 * arm's hazard is at least {@code value} times the control's (a hazard ratio), or that its response rate
 * is at most the control's plus {@code value} (a difference). A margin of exactly 1 or 0 is no margin:
 * the analysis is then the superiority analysis, unchanged.
 *
 * @param hypothesis    what a rejection shows
 * @param value         the hazard ratio θ₀ or the difference δ
 * @param onHazardRatio whether the value is a hazard ratio (a survival comparison) or a difference in rates
 */
record Margin(Design.Analysis.Hypothesis hypothesis, double value, boolean onHazardRatio) {

    /** The margin of a design's analysis for a comparison on hazards or rates, or null where there is none (or it is no effect). */
    static Margin of(Design.Analysis analysis, boolean onHazardRatio) {
        if (analysis == null || analysis.margin() == null || analysis.margin() == (onHazardRatio ? 1.0 : 0.0)) {
            return null;
        }
        return new Margin(analysis.hypothesis(), analysis.margin(), onHazardRatio);
    }

    /** The effect under the null hypothesis on the scale of the analysis's estimate: ln θ₀, or δ. */
    double nullEffect() {
        return onHazardRatio ? Math.log(value) : value;
    }

    /**
     * Whether a 95% interval of the estimate (log hazard ratio, or difference) lies wholly beyond the
     * margin, on the side a rejection claims: its upper end below ln θ₀, or its lower end above δ.
     */
    boolean intervalBeyond(double lower, double upper) {
        return onHazardRatio ? upper < nullEffect() : lower > value;
    }

    /** As the report names the null hypothesis, e.g. "hazard ratio ≥ 1.3". */
    String nullHypothesis() {
        String v = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return onHazardRatio ? "hazard ratio >= " + v : "difference in response rates <= " + v;
    }
}
