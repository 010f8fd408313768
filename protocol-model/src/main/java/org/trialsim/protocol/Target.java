package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A published figure the protocol should reproduce: what is measured on the simulated cohort, the
 * published value (and interval, if one was published), the number of patients it is based on, and
 * where it comes from. {@code trialsim calibrate} compares each with a simulated cohort
 * (docs/calibration.md gives the rule).
 *
 * @param label      what the figure is, e.g. "2-year DFS, blinatumomab pilot"
 * @param measure    what is measured on the simulated cohort
 * @param arm        the arm it is measured on (for hazard-ratio, the experimental arm)
 * @param versus     for hazard-ratio, the control arm the arm is compared with; absent, the protocol's first arm
 * @param among      a subgroup: the figure is measured among the enrolled patients who meet this
 *                   condition, in which {@code risk} is the risk group at enrolment and every other
 *                   variable is as at the end of follow-up (an assessment not made leaves its MRD missing,
 *                   and a comparison with a missing MRD is false); absent, among all
 * @param assessment for MRD measures, the assessment
 * @param of         for MRD measures, the denominator: the patients assessed (default) or all on the arm
 * @param threshold  for {@code mrd-below}, one of the assessment's reporting thresholds
 * @param endpoint   for survival, incidence, crude and hazard-ratio, the endpoint
 * @param event      for incidence, the event (one of the endpoint's events)
 * @param years      for survival and incidence, the time, one of the follow-up's landmarks
 * @param block      for toxicity, the block
 * @param toxicity   for toxicity, the toxicity of that block
 * @param criterion  for screen-failure, the eligibility criterion
 * @param group      for risk-group, the risk group
 * @param followUpMonths for crude, the shortest and longest follow-up at the data cut, in months; each
 *                   patient's follow-up is taken as uniform between them (as with even accrual and one cut)
 * @param value      the published value: a proportion, or for hazard-ratio a ratio above 0
 * @param lower      the published 95% interval's lower limit, if one was published (a hazard ratio's is required)
 * @param upper      its upper limit
 * @param n          the number of patients the published figure is based on
 * @param source     where the published figure comes from (a citation or a reference id)
 * @param assumption what was assumed, e.g. how n was derived where it was not published
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"label", "measure", "arm", "versus", "among", "assessment", "of", "threshold", "endpoint", "event", "years", "block", "toxicity", "criterion",
        "group", "followUpMonths", "value", "lower", "upper", "n", "source", "assumption"})
public record Target(
        @Required @JsonPropertyDescription("What the figure is, e.g. 2-year DFS, blinatumomab pilot") String label,
        @Required @JsonPropertyDescription("What is measured: mrd-negative, mrd-below, survival, incidence, crude, remission, transplant,"
                + " toxicity, screen-failure, risk-group, hazard-ratio") Measure measure,
        @Required @JsonPropertyDescription("The arm it is measured on (for hazard-ratio, the experimental arm)") String arm,
        @JsonPropertyDescription("For hazard-ratio: the control arm; absent, the protocol's first arm") String versus,
        @JsonPropertyDescription("A subgroup: the enrolled patients who meet this condition (risk is the risk group at enrolment,"
                + " MRD and the rest as at the end of follow-up)") Condition among,
        @JsonPropertyDescription("For mrd-negative and mrd-below: the assessment") String assessment,
        @JsonPropertyDescription("For mrd-negative and mrd-below: of the patients assessed (default) or of all on the arm")
        Denominator of,
        @JsonPropertyDescription("For mrd-below: one of the assessment's thresholds")
        @Range(min = 0, max = 1, minExcluded = true, why = "an MRD level, a fraction of cells (0.01% is 1e-4)")
        Double threshold,
        @JsonPropertyDescription("For survival, incidence, crude and hazard-ratio: the endpoint") String endpoint,
        @JsonPropertyDescription("For incidence: the event, one of the endpoint's events") Endpoint.EventKind event,
        @JsonPropertyDescription("For survival and incidence: the time in years, one of the follow-up's landmarks")
        @Range(min = 0, max = Range.CENTURY_YEARS, minExcluded = true, why = "a time within the follow-up")
        Double years,
        @JsonPropertyDescription("For toxicity: the block") String block,
        @JsonPropertyDescription("For toxicity: the toxicity, one of the block's") String toxicity,
        @JsonPropertyDescription("For screen-failure: the eligibility criterion") String criterion,
        @JsonPropertyDescription("For risk-group: the risk group, at enrolment") String group,
        @JsonPropertyDescription("For crude: the shortest and longest follow-up at the data cut, in months; each patient's"
                + " follow-up is uniform between them")
        @Range(min = 0, max = Range.CENTURY_MONTHS, why = "months of follow-up within a lifetime")
        List<Double> followUpMonths,
        @Required @JsonPropertyDescription("The published value: a proportion, or for hazard-ratio a ratio above 0")
        @Range(min = 0, max = MAX_HAZARD_RATIO, why = VALUE)
        Double value,
        @JsonPropertyDescription("The published 95% interval's lower limit, if one was published (required for hazard-ratio)")
        @Range(min = 0, max = MAX_HAZARD_RATIO, why = VALUE)
        Double lower,
        @JsonPropertyDescription("The published 95% interval's upper limit")
        @Range(min = 0, max = MAX_HAZARD_RATIO, why = VALUE)
        Double upper,
        @Required @JsonPropertyDescription("The number of patients the published figure is based on")
        @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = "patients of a trial; the simulated interval is for this many")
        Integer n,
        @Required String source,
        String assumption) implements Cited {
    /**
     * The largest published hazard ratio (or limit of its interval) a target may give: a thousandfold
     * hazard is beyond any comparison a trial of these treatments publishes.
     */
    public static final double MAX_HAZARD_RATIO = 1000;
    /** Why for a target's value and interval; validation holds a proportion to [0, 1] and a hazard ratio above 0. */
    static final String VALUE = "a proportion in [0, 1], or a hazard ratio above 0 for a hazard-ratio target";

    public Target {
        of = measure == Measure.MRD_NEGATIVE || measure == Measure.MRD_BELOW ? Immutable.orElse(of, Denominator.ASSESSED) : of;
        followUpMonths = followUpMonths == null ? null : Immutable.list(followUpMonths);
    }

    /** What a target measures on the simulated cohort. */
    public enum Measure {
        /** MRD below the detection limit at an assessment. */
        @JsonProperty("mrd-negative") MRD_NEGATIVE,
        /** MRD below one of an assessment's reporting thresholds. */
        @JsonProperty("mrd-below") MRD_BELOW,
        /** Kaplan–Meier survival of an endpoint at a landmark. */
        @JsonProperty("survival") SURVIVAL,
        /** Cumulative incidence of one event of an endpoint, with the others competing, at a landmark. */
        @JsonProperty("incidence") INCIDENCE,
        /** In complete remission at some point, of the patients on the arm. */
        @JsonProperty("remission") REMISSION,
        /** Transplanted, of the patients on the arm. */
        @JsonProperty("transplant") TRANSPLANT,
        /** A toxicity of a block, of the patients who started it. */
        @JsonProperty("toxicity") TOXICITY,
        /** The share with an event as first event by a data cut, each patient followed for a time uniform over a range. */
        @JsonProperty("crude") CRUDE,
        /** Presented patients failing an eligibility criterion. */
        @JsonProperty("screen-failure") SCREEN_FAILURE,
        /** Enrolled patients in a risk group at enrolment. */
        @JsonProperty("risk-group") RISK_GROUP,
        /** The Cox hazard ratio of an endpoint's first event, the arm against a control arm. */
        @JsonProperty("hazard-ratio") HAZARD_RATIO
    }

    /** The patients an MRD rate is a share of. */
    public enum Denominator {
        /** The patients assessed. */
        @JsonProperty("assessed") ASSESSED,
        /** All patients on the arm, as trials that count the unassessed as not responding report it. */
        @JsonProperty("arm") ARM
    }
}
