package org.trialsim.simulator.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsim.simulator.run.Provenance;
import org.trialsim.simulator.stats.Estimate;

/**
 * The operating characteristics of a trial design, estimated from many simulated trials, each with
 * its Monte Carlo standard error. Immutable; its JSON form is the stable output of
 * {@code trialsim trial} (docs/trial-json.md).
 *
 * @param provenance where the result comes from
 * @param design     the design's type and label
 * @param scenario   "alternative" (the protocol as written) or "null" (no difference: the experimental arm
 *                   follows the control arm's pathway, or a single arm follows the historical control)
 * @param analyses   one per analysis of the design
 * @param allocation per randomizing stratum of the pathway, what the allocation did
 * @param families   the families of comparisons adjusted for multiplicity; absent when the design adjusts none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(Provenance provenance, String design, String scenario, List<AnalysisResult> analyses,
                          List<StratumAllocation> allocation, List<Family> families) {

    public TrialResult {
        analyses = List.copyOf(analyses);
        allocation = List.copyOf(allocation);
        families = families == null ? null : List.copyOf(families);
    }

    /** A result of a design whose comparisons are not adjusted for multiplicity. */
    public TrialResult(Provenance provenance, String design, String scenario, List<AnalysisResult> analyses,
                       List<StratumAllocation> allocation) {
        this(provenance, design, scenario, analyses, allocation, null);
    }

    /**
     * A family of comparisons (several experimental arms against one control on one endpoint or response)
     * whose one-sided alpha the design shares among them. Each comparison's own power is its analysis's
     * rejection rate.
     *
     * @param control                the common control arm
     * @param multiplicity           the adjustment: bonferroni or holm
     * @param comparisons            the comparisons' labels, in the design's order
     * @param alpha                  the family's one-sided alpha
     * @param alphaPerComparison     each comparison's own level, alpha/m (Holm's first step; its later steps are less strict)
     * @param anyRejected            how often at least one of the family's null hypotheses was rejected: the power to
     *                               find some experimental arm better, and under the global null scenario the
     *                               family-wise type I error
     * @param allRejected            how often all of them were rejected
     */
    public record Family(String control, String multiplicity, List<String> comparisons, double alpha, double alphaPerComparison,
                         Estimate anyRejected, Estimate allRejected) {
        public Family {
            comparisons = List.copyOf(comparisons);
        }
    }

    /**
     * Allocation in one randomizing stratum of the pathway, counted over the whole trial (every patient
     * enrolled, not only those in an analysis).
     *
     * @param node            the allocation node's id
     * @param stratum         the stratum's id
     * @param patients        per arm (in the stratum's ratio order), patients given it
     * @param imbalance       max − min over the arms of patients ÷ the arm's weight (|A − B| for 1:1)
     * @param factorImbalance the same within the level of a randomization factor where it is largest;
     *                        absent when the design names no factors
     * @param arms            per arm (in the stratum's ratio order), the spread of its patients and its share
     * @param bestArm         the arm with the better true effect, where an analysis compares exactly the stratum's two
     *                        arms and its true effect differs from none by more than 1.96 of its standard errors; else absent
     * @param bestArmBy       how the best arm was chosen: the analysis, its measure and where its true value comes from
     * @param bestArmShare    the mean over trials of the best arm's share of the stratum's patients
     * @param stoppedForSuperiority for a response-adaptive allocation that can stop the trial: how often an update of
     *                        this stratum stopped it for superiority ({@code stopSuperiorityAbove}); else absent
     * @param stoppedForFutility    and how often for futility ({@code stopFutilityBelow}); else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StratumAllocation(String node, String stratum, Map<String, Distribution> patients, Distribution imbalance,
                                    Distribution factorImbalance, Map<String, ArmAllocation> arms, String bestArm, String bestArmBy,
                                    Estimate bestArmShare, Estimate stoppedForSuperiority, Estimate stoppedForFutility) {
        public StratumAllocation {
            patients = Collections.unmodifiableMap(new LinkedHashMap<>(patients));
            // a result written before the arms' figures existed reads back without them
            arms = arms == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arms));
        }
    }

    /**
     * One arm of a randomizing stratum over the trials.
     *
     * @param p2_5               the 2.5th percentile of its patients
     * @param p97_5              the 97.5th percentile of its patients
     * @param share              the mean over trials of its share of the stratum's patients (trials with patients in the stratum)
     * @param highestProbability for a response-adaptive allocation: how often the arm ended the trial with the highest
     *                           allocation probability (ties and trials that never left the ratio count for no arm); else absent
     * @param dropped            for a response-adaptive allocation that drops arms ({@code dropBelow}): how often the arm
     *                           was dropped; else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArmAllocation(double p2_5, double p97_5, Estimate share, Estimate highestProbability, Estimate dropped) {
        /** An arm of an allocation that drops none. */
        public ArmAllocation(double p2_5, double p97_5, Estimate share, Estimate highestProbability) {
            this(p2_5, p97_5, share, highestProbability, null);
        }
    }

    /**
     * The operating characteristics of one analysis.
     *
     * @param label         what is compared
     * @param test          the test: log-rank, one-sample log-rank, Fisher's exact, exact binomial
     * @param rejection     the probability the trial rejects the null hypothesis (power, or type I error under the null)
     * @param looks         stopping at each look
     * @param patients      patients enrolled when the trial's conclusion is reached
     * @param events        events (or responses) at the conclusion
     * @param durationMonths months from the first enrolment to the conclusion
     * @param allocation    patients allocated to each arm and the imbalance, for randomized comparisons
     * @param effect        the effect estimate: its mean, spread, bias and the coverage of its 95% interval
     * @param margin        for a comparison with a margin: the hypothesis, the margin and how often the interval
     *                      lay beyond it; absent for superiority without a margin
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnalysisResult(String label, String test, Estimate rejection, List<Look> looks, Distribution patients,
                                 Distribution events, Distribution durationMonths, Allocation allocation, Effect effect,
                                 MarginResult margin) {
    }

    /**
     * A comparison with a margin.
     *
     * @param hypothesis     "non-inferiority" or "superiority" (by the margin)
     * @param nullHypothesis the null hypothesis rejected, e.g. "hazard ratio >= 1.3"
     * @param margin         the margin: a hazard ratio, or a difference in response rates
     * @param scale          "hazard ratio" or "difference in response rates"
     * @param intervalBeyond how often the 95% interval of the estimate lay wholly beyond the margin (its upper end
     *                       below the hazard-ratio margin, or its lower end above the difference): the Cox Wald
     *                       test, or the Wald test of the difference, against the margin at one-sided 2.5%,
     *                       at the look where the trial concluded
     */
    public record MarginResult(String hypothesis, String nullHypothesis, double margin, String scale, Estimate intervalBeyond) {
    }

    /**
     * Stopping at one look.
     *
     * @param look                 1 for the first look
     * @param informationFraction  planned fraction of the final events
     * @param efficacyBound        the z value at or above which the null hypothesis is rejected (planned information)
     * @param futilityBound        the z value below which the trial stops for futility, or null
     * @param stopForEfficacy      probability of rejecting at this look
     * @param stopForFutility      probability of stopping for futility at this look
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Look(int look, double informationFraction, double efficacyBound, Double futilityBound, Estimate stopForEfficacy,
                       Estimate stopForFutility) {
    }

    /**
     * A distribution over simulated trials.
     *
     * @param mean          mean
     * @param standardError Monte Carlo standard error of the mean
     * @param sd            standard deviation over trials
     * @param min           minimum
     * @param p10           10th percentile
     * @param median        median
     * @param p90           90th percentile
     * @param max           maximum
     */
    public record Distribution(double mean, double standardError, double sd, double min, double p10, double median, double p90,
                               double max) {
    }

    /**
     * @param control      patients allocated to the control arm
     * @param experimental patients allocated to the experimental arm
     * @param imbalance    |experimental − control| at the conclusion
     */
    public record Allocation(Distribution control, Distribution experimental, Distribution imbalance) {
    }

    /**
     * The effect estimate.
     *
     * @param measure       log hazard ratio, log observed/expected, response rate, or difference in response rates
     * @param truth         the value the estimate targets: 0 under the null; the exact log hazard ratio where both
     *                      arms' hazards are known multiples of one curve; otherwise the estimate of one very large
     *                      trial of the same design
     * @param truthStandardError the Monte Carlo standard error of the truth (0 when it is exact or under the null)
     * @param truthMethod   where the truth comes from: "null hypothesis", "exact" or "large trial"
     * @param estimates     the simulated trials that gave an estimate (the mean, sd, bias and coverage are over these)
     * @param mean          mean estimate over trials
     * @param sd            standard deviation over trials
     * @param bias          mean minus truth, its standard error combining those of the mean and of the truth
     * @param coverage      how often the 95% interval contains the truth
     * @param meanLandmarkDifference for survival comparisons with a landmark: the mean Kaplan–Meier difference there
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Effect(String measure, double truth, double truthStandardError, String truthMethod, long estimates, Estimate mean,
                         double sd, Estimate bias,
                         Estimate coverage, Estimate meanLandmarkDifference) {
    }
}
