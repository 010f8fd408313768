package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * How long patients are followed, and when survival is reported.
 *
 * @param horizonYears  follow-up from enrolment; patients without an event are censored then
 * @param landmarkYears times at which survival is reported; every whole year up to the horizon if absent
 */
public record FollowUp(
        @Required @JsonPropertyDescription("Follow-up from enrolment, in years")
        @Range(min = 0.1, max = Range.CENTURY_YEARS, why = "a lifetime at most; below 0.1 years (five weeks) no monthly survival"
                + " is seen")
        Double horizonYears,
        @JsonPropertyDescription("Times at which survival is reported, in years")
        @Range(min = 0, max = Range.CENTURY_YEARS, minExcluded = true, why = "a time within the follow-up")
        List<Double> landmarkYears) {

    public FollowUp {
        landmarkYears = Immutable.list(landmarkYears);
    }
}
