package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Which hazard applies to the patients meeting a condition.
 *
 * @param label         readable name
 * @param when          condition; absent means every remaining patient
 * @param curve         the hazard curve (an id in {@code outcomes.curves})
 * @param hazardRatio   multiplies the curve's hazard; 1 if absent
 * @param curedFraction the fraction of these patients who never have the event; 0 if absent
 * @param source        where it comes from
 * @param assumption    what was assumed
 */
public record EventRule(
        String label,
        Condition when,
        @Required @JsonPropertyDescription("Hazard curve id in outcomes.curves") String curve,
        @JsonPropertyDescription("Multiplies the curve's hazard; default 1")
        @Range(min = 0.001, max = 1000, why = EventRule.HAZARD_RATIO_WHY)
        Double hazardRatio,
        @JsonPropertyDescription("Fraction who never have the event; default 0")
        @Range(min = 0, max = 1, maxExcluded = true, why = "a fraction of the patients; 1 would be no event at all, a zero curve")
        Double curedFraction,
        String source,
        String assumption) implements Cited {

    /** Why a hazard ratio lies within [0.001, 1000]. */
    public static final String HAZARD_RATIO_WHY = "no treatment effect or risk factor multiplies a hazard by more than 1000;"
            + " give such patients a curve of their own";

    public EventRule {
        hazardRatio = Immutable.orElse(hazardRatio, 1.0);
        curedFraction = Immutable.orElse(curedFraction, 0.0);
    }

    @Override
    public boolean needsCitation() {
        return hazardRatio != 1.0 || curedFraction != 0.0;
    }
}
