package org.trialsim.simulator.engine;

import org.trialsim.protocol.condition.Check;

/**
 * One process of events in remission (relapse, or death in remission) of the current patient: an
 * Exp(1) budget of cumulative hazard, spent by the rule in force while the patient is in remission.
 *
 * <p>The rule in force changes only when the patient's state does. So instead of spending hazard block
 * by block, the clock remembers since when the current rule has been in force and the day on which it
 * would exhaust the budget; a block then only compares that day with its end. When the state changes,
 * {@link #follow} settles the hazard spent under the old rule and computes the new day. The event day
 * depends only on the sequence of rules in force, not on how often the state is followed.
 *
 * <p>Not thread-safe; reused from patient to patient.
 */
final class HazardClock {
    private final CompiledProtocol.Rule[] rules;
    /** The rules' conditions, up to the first that always holds (the rules after it are never chosen). */
    private final Check[] tested;
    /** By arm, the ratio multiplying every rule's hazard; null when there is none. */
    private final double[] armRatios;
    private final int armSlot;

    private double budget;
    private double cure;
    /** The hazard spent before the current rule came into force. */
    private double spent;
    /** The cumulative hazard of the current rule on the day it came into force. */
    private double cumulativeSince;
    /** The rule in force, or null when no hazard accrues (not in remission, no rule, or cured under it). */
    private CompiledProtocol.Rule rule;
    /** The hazard ratio in force: the rule's times the arm's. */
    private double ratio;
    /** The day the budget runs out under the current rule, +∞ if it never does. */
    private double eventDay;
    /** The factor on every rule's hazard from the day it was set (1 unless a trial's null hypothesis has a margin). */
    private double scale;

    HazardClock(CompiledProtocol.Rule[] rules) {
        this(rules, null, -1);
    }

    /** A clock whose rules' hazards are multiplied by the ratio of the patient's arm (read from the state's arm slot). */
    HazardClock(CompiledProtocol.Rule[] rules, double[] armRatios, int armSlot) {
        this.rules = rules;
        int always = 0;
        while (always < rules.length && !(rules[always].when() instanceof Check.Constant c && c.value())) {
            always++;
        }
        this.tested = new Check[always];
        for (int i = 0; i < always; i++) {
            tested[i] = rules[i].when();
        }
        this.armRatios = armRatios;
        this.armSlot = armSlot;
    }

    /** Starts a patient at day 0 with an Exp(1) budget and the uniform that decides cure under each rule. */
    void start(double budget, double cure) {
        this.budget = budget;
        this.cure = cure;
        spent = 0;
        cumulativeSince = 0;
        rule = null;
        ratio = 0;
        eventDay = Double.POSITIVE_INFINITY;
        scale = 1;
    }

    /**
     * From the given day (no earlier than the last change) on, every rule's hazard is multiplied by the
     * factor: the hazard spent so far is settled under the old factor. Setting the same factor again
     * changes nothing.
     */
    void scaleFrom(double day, double factor) {
        if (factor == scale) {
            return;
        }
        if (rule != null) {
            double now = rule.hazard().cumulativeHazard(day);
            spent += scale * ratio * (now - cumulativeSince);
            cumulativeSince = now;
        }
        scale = factor;
        if (rule != null) {
            eventDay = runsOut();
        }
    }

    /**
     * The state may have changed on the given day (no earlier than the last change): chooses the rule
     * in force from then on, the first whose condition holds. A cured fraction applies with the one
     * uniform of the patient (cured under a rule if it is below the rule's cured fraction).
     */
    void follow(double day, double[] state, boolean inRemission) {
        CompiledProtocol.Rule next = null;
        if (inRemission) {
            // the first rule whose condition holds; one that always holds (a rule without a condition,
            // such as the last one) is chosen without testing it
            int i = 0;
            while (i < tested.length && !Check.holds(tested[i], state)) {
                i++;
            }
            if (i < rules.length) {
                CompiledProtocol.Rule r = rules[i];
                next = cure >= r.curedFraction() ? r : null;
            }
        }
        double nextRatio = next == null ? 0
                : armRatios == null ? next.hazardRatio() : next.hazardRatio() * CompiledProtocol.armRatio(armRatios, state, armSlot);
        if (next == rule && nextRatio == ratio) {
            return;
        }
        if (rule != null) {
            spent += scale * ratio * (rule.hazard().cumulativeHazard(day) - cumulativeSince);
        }
        rule = next;
        ratio = nextRatio;
        if (next == null) {
            eventDay = Double.POSITIVE_INFINITY;
        } else {
            cumulativeSince = next.hazard().cumulativeHazard(day);
            eventDay = runsOut();
        }
    }

    /**
     * The day the budget runs out under the rule in force: never under a hazard that is 0 at all times
     * (or a ratio of 0), whatever the budget; the inverse of the cumulative hazard would put an event on
     * the rule's first day for a budget of exactly 0 (a draw of probability below 2⁻⁵⁰). So a closed form
     * of the patients need not draw a budget for such a process ({@link ClosedFormPatients}).
     */
    private double runsOut() {
        return ratio == 0 || rule.hazard().isZero() ? Double.POSITIVE_INFINITY
                : rule.hazard().inverse(cumulativeSince + (budget - spent) / (scale * ratio));
    }

    /** The day the budget runs out if the state does not change again, +∞ if it never does. */
    double eventDay() {
        return eventDay;
    }
}
