package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A route out of a decision point.
 *
 * @param label       readable name, used in the flow of patients
 * @param when        condition; absent means every remaining patient
 * @param probability the chance that a patient meeting the condition takes the route (e.g. a donor is
 *                    found); otherwise the next route is tried. Absent means 1
 * @param setRisk     the risk group the patient is moved to
 * @param to          the next node
 * @param source      where the probability comes from
 * @param assumption  what was assumed
 */
public record Route(
        String label,
        Condition when,
        @JsonPropertyDescription("Chance a patient meeting the condition takes this route; otherwise the next route is tried")
        @Range(min = 0, max = 1, why = Range.PROBABILITY)
        Double probability,
        @JsonPropertyDescription("Risk group the patient is moved to") String setRisk,
        @Required String to,
        String source,
        String assumption) implements Cited {

    @Override
    public boolean needsCitation() {
        return probability != null;
    }
}
