package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An arm's effect on the outcome hazards: each ratio multiplies the hazard of whichever rule of its
 * process applies to a patient on the arm (from allocation on), on top of the rule's own hazard ratio.
 * One treatment effect is thus written once, rather than by copying every rule once per arm.
 *
 * @param relapse          multiplies the relapse hazard; 1 if absent
 * @param deathInRemission multiplies the hazard of death in remission; 1 if absent
 * @param deathAfterEvent  multiplies the hazard of death after relapse or treatment failure; 1 if absent
 * @param source           where the effect comes from
 * @param assumption       what was assumed
 */
public record ArmHazardRatios(
        @JsonPropertyDescription("Multiplies the relapse hazard of the arm's patients; default 1")
        @Range(min = 0.001, max = 1000, why = EventRule.HAZARD_RATIO_WHY)
        Double relapse,
        @JsonPropertyDescription("Multiplies the hazard of death in remission of the arm's patients; default 1")
        @Range(min = 0.001, max = 1000, why = EventRule.HAZARD_RATIO_WHY)
        Double deathInRemission,
        @JsonPropertyDescription("Multiplies the hazard of death after relapse or treatment failure of the arm's patients; default 1")
        @Range(min = 0.001, max = 1000, why = EventRule.HAZARD_RATIO_WHY)
        Double deathAfterEvent,
        String source,
        String assumption) implements Cited {

    public ArmHazardRatios {
        relapse = Immutable.orElse(relapse, 1.0);
        deathInRemission = Immutable.orElse(deathInRemission, 1.0);
        deathAfterEvent = Immutable.orElse(deathAfterEvent, 1.0);
    }

    @Override
    public boolean needsCitation() {
        return relapse != 1.0 || deathInRemission != 1.0 || deathAfterEvent != 1.0;
    }
}
