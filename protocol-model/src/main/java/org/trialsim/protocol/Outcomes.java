package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/**
 * The event models. Relapse and death in remission run on time since enrolment, and only while the
 * patient is in remission; the rule that applies is chosen again whenever the patient's state
 * changes (a block starts, the pathway ends), so a transplanted or MRD-negative patient moves to a
 * lower hazard from then on. Death after an event (relapse or treatment failure) runs on time since
 * that event.
 *
 * @param curves           hazard curves by id, which rules name
 * @param relapse          relapse rules, first match applies
 * @param deathInRemission death-in-remission rules, first match applies; absent means none beyond
 *                         deaths during blocks
 * @param deathAfterEvent  rules for death after relapse or treatment failure, first match applies
 * @param armHazardRatios  by arm, ratios that multiply the hazards of every rule for the arm's patients
 * @param source           where the models come from
 * @param assumption       what was assumed
 */
public record Outcomes(
        @Required @JsonPropertyDescription("Hazard curves by id") Map<String, HazardCurve> curves,
        @Required @JsonPropertyDescription("Relapse rules (time since enrolment, while in remission); first match applies") List<EventRule> relapse,
        @JsonPropertyDescription("Death-in-remission rules (time since enrolment); first match applies") List<EventRule> deathInRemission,
        @JsonPropertyDescription("Death after relapse or treatment failure (time since that event); first match applies") List<EventRule> deathAfterEvent,
        @JsonPropertyDescription("By arm: ratios multiplying the hazards of every relapse, death-in-remission and death-after-event"
                + " rule for the arm's patients") Map<String, ArmHazardRatios> armHazardRatios,
        String source,
        String assumption) implements Cited {

    public Outcomes {
        curves = Immutable.map(curves);
        relapse = Immutable.list(relapse);
        deathInRemission = Immutable.list(deathInRemission);
        deathAfterEvent = Immutable.list(deathAfterEvent);
        armHazardRatios = Immutable.map(armHazardRatios);
    }

    @Override
    public boolean needsCitation() {
        return false;
    }
}
