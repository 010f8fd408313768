package org.trialsim.simulator.design.sizing;

import java.util.List;

/**
 * The events, patients and timing of a two-arm survival comparison, with its power: what
 * {@link SurvivalSizing} computes. Event and patient counts are expected values, not rounded (round
 * them up to plan a trial); months run from the start of accrual.
 *
 * @param formula             how the drift grows with the events
 * @param hazardRatio         the assumed hazard ratio h (experimental / control)
 * @param margin              θ₀, the hazard ratio under the null hypothesis (1 for superiority)
 * @param allocationRatio     patients on the experimental arm per patient on the control arm
 * @param alpha               one-sided type I error
 * @param power               the power at h (the target when sizing; computed when the events were given)
 * @param drift               E Z at the final look under h
 * @param fixedEvents         the events a single-look design needs for this power
 * @param inflation           maximum events over the single-look design's (1 for one look)
 * @param events              the maximum number of events (at the final look)
 * @param patients            the number of patients enrolled
 * @param accrualMonths       the accrual duration
 * @param followUpMonths      months from the end of accrual to the final look
 * @param expectedEvents      expected events at stopping under h (with the futility bounds applied)
 * @param expectedEventsNull  expected events at stopping under θ₀
 * @param expectedPatients    expected patients enrolled at stopping under h
 * @param looks               the looks, the final one last
 */
public record SurvivalResult(EventsFormula formula, double hazardRatio, double margin, double allocationRatio, double alpha,
                             double power, double drift, double fixedEvents, double inflation, double events, double patients,
                             double accrualMonths, double followUpMonths, double expectedEvents, double expectedEventsNull,
                             double expectedPatients, List<Look> looks) {

    public SurvivalResult {
        looks = List.copyOf(looks);
    }

    /** The month of the final look, accrual plus follow-up. */
    public double studyMonths() {
        return accrualMonths + followUpMonths;
    }

    /**
     * One look.
     *
     * @param fraction              its information fraction (events / maximum events)
     * @param events                the events that trigger it
     * @param month                 the expected calendar month at which they have occurred under h
     * @param patients              the expected patients enrolled by then
     * @param efficacyZ             reject the null hypothesis if Z is at least this
     * @param efficacyHazardRatio   the same bound as an observed hazard ratio (Schoenfeld's relation; NaN for
     *                              Freedman's formula or when the look spends no α)
     * @param futilityZ             stop for futility if Z is at most this (−∞ for none)
     * @param futilityHazardRatio   the same bound as an observed hazard ratio (NaN if none)
     * @param cumulativeAlpha       the α spent by this look
     * @param efficacyProbability   P(reject at this look, not before) under h
     * @param cumulativeEfficacyProbability P(reject at this look or before) under h: the running total of
     *                              {@code efficacyProbability} (rpact's {@code cumsum(rejectPerStage)}), the power at the last look
     * @param futilityProbability   P(stop for futility at this look, not before) under h; at the final look
     *                              the chance of reaching it and not rejecting
     */
    public record Look(double fraction, double events, double month, double patients, double efficacyZ,
                       double efficacyHazardRatio, double futilityZ, double futilityHazardRatio, double cumulativeAlpha,
                       double efficacyProbability, double cumulativeEfficacyProbability, double futilityProbability) {
    }
}
