package org.trialsim.simulator.calibration;

import java.util.Locale;
import org.trialsim.protocol.Target;

/**
 * A published figure and its simulated counterpart: a protocol's target, or a figure that is not yet
 * a kind of target, judged by the same rule ({@link TargetResult#matches}).
 *
 * @param protocol  the built-in
 * @param name      what the figure is
 * @param source    where the published value comes from
 * @param published the published point estimate (a proportion)
 * @param lower     the published interval's lower limit, or NaN if none was published
 * @param upper     the published interval's upper limit, or NaN
 * @param trialN    the number of patients the published figure is based on
 * @param simulated the simulated value
 * @param result    the protocol's target as {@link Calibration} judged it, or null for a figure that is not a target
 */
record Figure(String protocol, String name, String source, double published, double lower, double upper, int trialN,
              double simulated, TargetResult result) {

    static Figure of(String protocol, String name, String source, double published, double lower, double upper, int trialN,
                     double simulated) {
        return new Figure(protocol, name, source, published, lower, upper, trialN, simulated, null);
    }

    /** A target of a protocol file, measured by {@link Calibration}. */
    static Figure of(String protocol, TargetResult t) {
        Target target = t.target();
        return new Figure(protocol, target.label(), target.source(), target.value(), target.lower() == null ? Double.NaN : target.lower(),
                target.upper() == null ? Double.NaN : target.upper(), target.n(), t.simulated() == null ? Double.NaN : t.simulated(), t);
    }

    /** A figure published without an interval. */
    static Figure point(String protocol, String name, String source, double published, int trialN, double simulated) {
        return new Figure(protocol, name, source, published, Double.NaN, Double.NaN, trialN, simulated, null);
    }

    double simulatedLower() {
        return result != null ? orNaN(result.simulatedLower()) : TargetResult.lower(simulated, trialN);
    }

    double simulatedUpper() {
        return result != null ? orNaN(result.simulatedUpper()) : TargetResult.upper(simulated, trialN);
    }

    boolean matches() {
        return result != null ? result.met() : TargetResult.matches(published, lower, upper, simulated, trialN);
    }

    /** A value of this figure as the report writes it: a percentage, or a hazard ratio as it is. */
    String fmt(double v) {
        return result != null && result.target().measure() == Target.Measure.HAZARD_RATIO ? String.format(Locale.ROOT, "%.2f", v) : pct(v);
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    String describe() {
        String publishedText = fmt(published) + (Double.isNaN(lower) ? "" : " (" + fmt(lower) + "–" + fmt(upper) + ")");
        return String.format(Locale.ROOT, "%s: published %s, n=%d; simulated %s (95%% interval at n=%d: %s–%s)",
                name, publishedText, trialN, fmt(simulated), trialN, fmt(simulatedLower()), fmt(simulatedUpper()));
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
