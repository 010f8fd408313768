package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An eligibility criterion: either {@code include} (the patient must satisfy it) or {@code exclude}
 * (a patient who satisfies it is excluded). With {@code treatment}, the criterion excludes only from
 * that treatment: such patients stay on protocol and skip (or substitute) the blocks that require it.
 *
 * @param description what the criterion says
 * @param include     condition a patient must satisfy
 * @param exclude     condition that excludes a patient
 * @param treatment   the treatment this criterion applies to, if it is not trial-wide
 * @param source      where it comes from
 * @param assumption  what was assumed
 */
public record Criterion(
        String description,
        @JsonPropertyDescription("Condition a patient must satisfy") Condition include,
        @JsonPropertyDescription("Condition that excludes a patient") Condition exclude,
        @JsonPropertyDescription("Exclude only from this treatment (blocks that require it are skipped or substituted)") String treatment,
        String source,
        String assumption) implements Cited {

    @Override
    public boolean needsCitation() {
        return false;
    }

    /** The condition, whichever of include or exclude is given. */
    public Condition condition() {
        return include != null ? include : exclude;
    }
}
