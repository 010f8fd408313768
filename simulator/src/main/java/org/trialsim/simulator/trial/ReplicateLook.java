package org.trialsim.simulator.trial;

/**
 * One look one analysis made at one simulated trial: a row of per-replicate output (the columns of
 * {@code trial --replicates-out}, docs/replicate-records.md). A replicate has a row for every look its
 * analysis made, up to and including the one at which it concluded.
 *
 * @param replicate the replicate, from 0: replicate r of every run with the same seed has the same patients
 * @param analysis  the analysis, from 1, in the design's order (the report's order)
 * @param look      the look, from 1
 * @param patients  patients enrolled by the look's data cut
 * @param events    events (or responses) in the analysis's data then
 * @param months    calendar months from the first enrolment to the data cut
 * @param statistic the test statistic: a z value with benefit positive for the log-rank tests, the number of
 *                  responses (of the experimental arm, for Fisher's test) for the exact tests
 * @param pValue    the one-sided nominal p-value of the statistic at this look
 * @param estimate  the effect estimate where the analysis concluded (NaN at earlier looks, or when there is none)
 * @param lower     the lower end of its 95% interval (NaN likewise)
 * @param upper     the upper end of its 95% interval (NaN likewise)
 * @param decision  {@link #CONTINUE}, {@link #EFFICACY}, {@link #FUTILITY} or {@link #NOT_REJECTED}
 */
public record ReplicateLook(long replicate, int analysis, int look, int patients, int events, double months, double statistic,
                            double pValue, double estimate, double lower, double upper, String decision) {
    /** The trial went on to a later look. */
    public static final String CONTINUE = "continue";
    /** The null hypothesis was rejected: the analysis concluded here. */
    public static final String EFFICACY = "efficacy";
    /** The trial stopped for futility here. */
    public static final String FUTILITY = "futility";
    /** The final look, without rejection. */
    public static final String NOT_REJECTED = "not-rejected";

    /** Whether the analysis concluded at this look. */
    public boolean concluded() {
        return !CONTINUE.equals(decision);
    }
}
