package org.trialsim.simulator.trial;

/**
 * What one analysis of one virtual trial concluded: the look it stopped at and why, how many patients
 * and events it had then, when, its effect estimate with a 95% interval (log hazard ratio for a
 * survival comparison, log observed/expected for one arm against history, the rate or rate difference
 * for responses), and the patients allocated to each compared arm by then.
 *
 * @param look         the look (from 0) at which the analysis concluded
 * @param efficacy     the null hypothesis was rejected
 * @param futility     the trial stopped for futility
 * @param patients     patients enrolled by then
 * @param events       events (or responses) in the data then
 * @param day          the calendar day of the conclusion
 * @param estimate     the effect estimate (NaN if there is none)
 * @param lower        the lower end of its 95% interval (NaN if none)
 * @param upper        the upper end of its 95% interval (NaN if none)
 * @param landmark     the Kaplan–Meier difference at the comparison's landmark, or NaN
 * @param control      patients allocated to the control arm by then (0 for a single arm)
 * @param experimental patients allocated to the experimental arm by then (0 for a single arm)
 * @param pValue       the one-sided nominal p-value of the test at that look (NaN if there is no test statistic):
 *                     what a multiplicity adjustment by Holm's step-down orders
 */
record Conclusion(int look, boolean efficacy, boolean futility, int patients, int events, double day, double estimate, double lower,
                  double upper, double landmark, int control, int experimental, double pValue) {

    /** The same conclusion with the null hypothesis rejected at the final look by the family's adjustment (Holm's step-down). */
    Conclusion rejectedByFamily(int finalLook) {
        return new Conclusion(finalLook, true, false, patients, events, day, estimate, lower, upper, landmark, control, experimental, pValue);
    }

    /** The same conclusion with the null hypothesis not rejected (the family's adjustment kept it). */
    Conclusion keptByFamily() {
        return new Conclusion(look, false, futility, patients, events, day, estimate, lower, upper, landmark, control, experimental, pValue);
    }
}
