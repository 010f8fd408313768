package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * How MRD changes over a block, on the log10 scale and conditional on the level before it:
 * {@code log10(after) = carryOver * log10(before) + log10Shift + log10Sd * Z}, Z standard normal.
 * With probability {@code resistant.probability} the patient's disease resists the block and the
 * resistant shift and spread apply instead. Each adjustment whose condition the patient meets adds its
 * shift (e.g. early relapses respond less to reinduction).
 *
 * @param log10Shift mean change of log10 MRD (negative is a reduction)
 * @param log10Sd    spread of the change
 * @param carryOver  weight of the previous level; 1 if absent
 * @param resistant  the resistant part of a two-part response, if any
 * @param adjustments shifts added for the patients meeting their conditions
 * @param source     where it comes from
 * @param assumption what was assumed
 */
public record MrdResponse(
        @Required @JsonPropertyDescription("Mean change of log10 MRD over the block (negative is a reduction)")
        @Range(min = -Range.MRD_LOGS, max = Range.MRD_LOGS, why = Range.MRD_CHANGE)
        Double log10Shift,
        @Required @JsonPropertyDescription("Standard deviation of that change")
        @Range(min = 0, max = Range.MRD_LOGS, why = Range.MRD_CHANGE)
        Double log10Sd,
        @JsonPropertyDescription("Weight of the previous log10 MRD; default 1")
        @Range(min = 0, max = 2, why = "1: the same change whatever the level before; 0: the level before does not matter;"
                + " 2: a change twice as large for each log of MRD before")
        Double carryOver,
        Resistance resistant,
        @JsonPropertyDescription("Shifts of log10 MRD added for the patients meeting each condition") List<Adjustment> adjustments,
        String source,
        String assumption) implements Cited {

    public MrdResponse {
        carryOver = Immutable.orElse(carryOver, 1.0);
        adjustments = Immutable.list(adjustments);
    }

    /**
     * A shift of the MRD change for the patients meeting a condition.
     *
     * @param when       the condition
     * @param log10Shift added to the mean change of log10 MRD (positive is a smaller reduction)
     */
    public record Adjustment(@Required Condition when,
                             @Required @Range(min = -Range.MRD_LOGS, max = Range.MRD_LOGS, why = Range.MRD_CHANGE) Double log10Shift) {
    }

    /**
     * Resistant disease: with this probability the block works less (or not at all).
     *
     * @param probability the chance of resistance
     * @param log10Shift  mean change of log10 MRD when resistant
     * @param log10Sd     spread of that change
     */
    public record Resistance(@Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Double probability,
                             @Required @Range(min = -Range.MRD_LOGS, max = Range.MRD_LOGS, why = Range.MRD_CHANGE) Double log10Shift,
                             @Required @Range(min = 0, max = Range.MRD_LOGS, why = Range.MRD_CHANGE) Double log10Sd) {
    }
}
