package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * How MRD changes over a block, on the log10 scale and conditional on the level before it:
 * {@code log10(after) = carryOver * log10(before) + log10Shift + log10Sd * Z}, Z standard normal.
 * With probability {@code resistant.probability} the patient's disease resists the block and the
 * resistant shift, spread and carry-over apply instead (a carry-over of 0 makes a share of
 * non-responders whose level does not depend on the one before). Each adjustment whose condition the patient meets adds its
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
        @Range(min = 0, max = 2, why = MrdResponse.CARRY_OVER_WHY)
        Double carryOver,
        Resistance resistant,
        @JsonPropertyDescription("Shifts of log10 MRD added for the patients meeting each condition") List<Adjustment> adjustments,
        String source,
        String assumption) implements Cited {

    /** Why a carry-over lies within [0, 2]. */
    public static final String CARRY_OVER_WHY = "1: the same change whatever the level before; 0: the level before does not matter;"
            + " 2: a change twice as large for each log of MRD before";

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
     * Resistant disease, or non-responders: with this probability the block works less, or not at all.
     * With {@code carryOver} 0 the resistant part's MRD after the block does not depend on the level
     * before it (10^(log10Shift ± log10Sd)), so a patient MRD-negative before can be positive after, and
     * the response is a mixture of responders and a share of non-responders at their own level.
     *
     * @param probability the chance of resistance
     * @param log10Shift  mean change of log10 MRD when resistant (with carryOver 0: the mean log10 MRD after)
     * @param log10Sd     spread of that change
     * @param carryOver   weight of the previous log10 MRD when resistant; the block's {@code carryOver} if absent
     */
    public record Resistance(@Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Double probability,
                             @Required @Range(min = -Range.MRD_LOGS, max = Range.MRD_LOGS, why = Range.MRD_CHANGE) Double log10Shift,
                             @Required @Range(min = 0, max = Range.MRD_LOGS, why = Range.MRD_CHANGE) Double log10Sd,
                             @JsonPropertyDescription("Weight of the previous log10 MRD for the resistant part; default the"
                                     + " block's carryOver; 0 makes them non-responders at their own level")
                             @Range(min = 0, max = 2, why = CARRY_OVER_WHY) Double carryOver) {
    }
}
