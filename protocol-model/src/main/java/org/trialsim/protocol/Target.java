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
 * @param arm        the arm it is measured on
 * @param among      a subgroup: the figure is measured among the enrolled patients who meet this
 *                   condition, in which {@code risk} is the risk group at enrolment and every other
 *                   variable is as at the end of follow-up (an assessment not made leaves its MRD missing,
 *                   and a comparison with a missing MRD is false); absent, among all
 * @param assessment for MRD measures, the assessment
 * @param of         for MRD measures, the denominator: the patients assessed (default) or all on the arm
 * @param threshold  for {@code mrd-below}, one of the assessment's reporting thresholds
 * @param endpoint   for survival and incidence, the endpoint
 * @param event      for incidence, the event (one of the endpoint's events)
 * @param years      for survival and incidence, the time, one of the follow-up's landmarks
 * @param block      for toxicity, the block
 * @param toxicity   for toxicity, the toxicity of that block
 * @param criterion  for screen-failure, the eligibility criterion
 * @param group      for risk-group, the risk group
 * @param followUpMonths for crude, the shortest and longest follow-up at the data cut, in months; each
 *                   patient's follow-up is taken as uniform between them (as with even accrual and one cut)
 * @param value      the published value, a proportion
 * @param lower      the published 95% interval's lower limit, if one was published
 * @param upper      its upper limit
 * @param n          the number of patients the published figure is based on
 * @param source     where the published figure comes from (a citation or a reference id)
 * @param assumption what was assumed, e.g. how n was derived where it was not published
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"label", "measure", "arm", "among", "assessment", "of", "threshold", "endpoint", "event", "years", "block", "toxicity", "criterion",
        "group", "followUpMonths", "value", "lower", "upper", "n", "source", "assumption"})
public record Target(
        @Required @JsonPropertyDescription("What the figure is, e.g. 2-year DFS, blinatumomab pilot") String label,
        @Required @JsonPropertyDescription("What is measured: mrd-negative, mrd-below, survival, incidence, crude, remission, transplant,"
                + " toxicity, screen-failure, risk-group") Measure measure,
        @Required @JsonPropertyDescription("The arm it is measured on") String arm,
        @JsonPropertyDescription("A subgroup: the enrolled patients who meet this condition (risk is the risk group at enrolment,"
                + " MRD and the rest as at the end of follow-up)") Condition among,
        @JsonPropertyDescription("For mrd-negative and mrd-below: the assessment") String assessment,
        @JsonPropertyDescription("For mrd-negative and mrd-below: of the patients assessed (default) or of all on the arm")
        Denominator of,
        @JsonPropertyDescription("For mrd-below: one of the assessment's thresholds")
        @Range(min = 0, max = 1, minExcluded = true, why = "an MRD level, a fraction of cells (0.01% is 1e-4)")
        Double threshold,
        @JsonPropertyDescription("For survival and incidence: the endpoint") String endpoint,
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
        @Required @JsonPropertyDescription("The published value, a proportion")
        @Range(min = 0, max = 1, why = Range.PROBABILITY)
        Double value,
        @JsonPropertyDescription("The published 95% interval's lower limit, if one was published")
        @Range(min = 0, max = 1, why = Range.PROBABILITY)
        Double lower,
        @JsonPropertyDescription("The published 95% interval's upper limit")
        @Range(min = 0, max = 1, why = Range.PROBABILITY)
        Double upper,
        @Required @JsonPropertyDescription("The number of patients the published figure is based on")
        @Range(min = 1, max = Range.MAX_SAMPLE_SIZE, why = "patients of a trial; the simulated interval is for this many")
        Integer n,
        @Required String source,
        String assumption) implements Cited {

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
        @JsonProperty("risk-group") RISK_GROUP
    }

    /** The patients an MRD rate is a share of. */
    public enum Denominator {
        /** The patients assessed. */
        @JsonProperty("assessed") ASSESSED,
        /** All patients on the arm, as trials that count the unassessed as not responding report it. */
        @JsonProperty("arm") ARM
    }
}
