package org.trialsim.protocol.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A sweep's calibration (docs/explore.md, "Calibrating a threshold"): the value of one numeric protocol
 * path, on the grid {@code lower, lower + step, ..., upper}, at which an operating characteristic
 * simulated under the null hypothesis is at most {@code target} in every scenario and as close to it as
 * the grid allows: for example the adaptive superiority threshold whose probability of stopping a trial
 * of identical arms for superiority is at most 2.5%. The values are decimals, so every value tried is
 * written into the protocol exactly as the report shows it.
 *
 * @param path       the protocol path calibrated, e.g. {@code design.randomization.adaptive.stopSuperiorityAbove}
 * @param measure    the operating characteristic held at the target
 * @param target     the most the measure may be, strictly between 0 and 1
 * @param lower      the smallest value tried
 * @param upper      the largest value tried, above {@code lower}
 * @param step       the grid's step, positive: the answer is exact to a step
 * @param confidence the confidence of the Monte Carlo uncertainty reported, strictly between 0 and 1
 */
public record Calibration(String path, Measure measure, double target, BigDecimal lower, BigDecimal upper, BigDecimal step,
                          double confidence) {
    /** The most steps from lower to upper: about 20 bisection steps for each of the three bisections. */
    public static final int MAX_STEPS = 1_000_000;

    /** What is held at the target, under the null hypothesis. */
    public enum Measure {
        /** The rejection rate of the sweep's analysis at its conclusion: its type I error. */
        REJECTION("rejection"),
        /** How often at least one of the design's analyses rejects: the family-wise type I error over all of them. */
        ANY_REJECTION("anyRejection"),
        /** How often a response-adaptive update stops the trial for superiority ({@code stopSuperiorityAbove}). */
        SUPERIORITY_STOP("superiorityStop");

        private final String id;

        Measure(String id) {
            this.id = id;
        }

        /** Its name in a sweep file and in the outputs. */
        public String id() {
            return id;
        }

        /** The measure named so, or null. */
        public static Measure of(String id) {
            for (Measure m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The grid's last index: the values are {@code value(0) = lower} to {@code value(steps()) = upper}. */
    public int steps() {
        return upper.subtract(lower).divide(step, 0, RoundingMode.CEILING).intValueExact();
    }

    /** The k-th value of the grid, {@code lower + k·step} (the last is {@code upper}), at the scale of the bounds and step. */
    public BigDecimal value(int k) {
        int scale = Math.max(Math.max(lower.scale(), upper.scale()), Math.max(step.scale(), 0));
        BigDecimal v = k >= steps() ? upper : lower.add(step.multiply(BigDecimal.valueOf(k)));
        return v.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** A value as the protocol is given it. */
    public static String text(BigDecimal value) {
        return value.toPlainString().toLowerCase(Locale.ROOT);
    }
}
