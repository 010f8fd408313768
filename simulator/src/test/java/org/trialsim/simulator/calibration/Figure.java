package org.trialsim.simulator.calibration;

import java.util.Locale;

/**
 * A published figure and its simulated counterpart.
 *
 * <p>Matching rule (from the calibration issue): the figure matches when the published point estimate
 * lies within the simulated 95% interval for the trial's own sample size, or the simulated point lies
 * within the published interval. The simulated interval for a trial of n patients is the binomial one,
 * p ± 1.96 √(p(1−p)/n), with p the simulated proportion from a large virtual cohort (whose own Monte
 * Carlo error is negligible beside it). For survival at a landmark this ignores censoring, which only
 * makes the interval slightly narrower than the trial's.
 *
 * @param protocol  the built-in
 * @param name      what the figure is
 * @param source    where the published value comes from
 * @param published the published point estimate (a proportion)
 * @param lower     the published interval's lower limit, or NaN if none was published
 * @param upper     the published interval's upper limit, or NaN
 * @param trialN    the number of patients the published figure is based on
 * @param simulated the simulated value
 */
record Figure(String protocol, String name, String source, double published, double lower, double upper, int trialN,
              double simulated) {

    static Figure of(String protocol, String name, String source, double published, double lower, double upper, int trialN,
                     double simulated) {
        return new Figure(protocol, name, source, published, lower, upper, trialN, simulated);
    }

    /** A figure published without an interval. */
    static Figure point(String protocol, String name, String source, double published, int trialN, double simulated) {
        return new Figure(protocol, name, source, published, Double.NaN, Double.NaN, trialN, simulated);
    }

    double simulatedLower() {
        return Math.max(0, simulated - 1.96 * Math.sqrt(simulated * (1 - simulated) / trialN));
    }

    double simulatedUpper() {
        return Math.min(1, simulated + 1.96 * Math.sqrt(simulated * (1 - simulated) / trialN));
    }

    boolean publishedInSimulatedInterval() {
        return published >= simulatedLower() && published <= simulatedUpper();
    }

    boolean simulatedInPublishedInterval() {
        return !Double.isNaN(lower) && simulated >= lower && simulated <= upper;
    }

    boolean matches() {
        return publishedInSimulatedInterval() || simulatedInPublishedInterval();
    }

    String describe() {
        String publishedText = pct(published) + (Double.isNaN(lower) ? "" : " (" + pct(lower) + "–" + pct(upper) + ")");
        return String.format(Locale.ROOT, "%s: published %s, n=%d; simulated %s (95%% interval at n=%d: %s–%s)",
                name, publishedText, trialN, pct(simulated), trialN, pct(simulatedLower()), pct(simulatedUpper()));
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
