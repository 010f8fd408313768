package org.trialsim.protocol;

/**
 * A toxicity of a block, such as grade 3 or worse infection, or cytokine release syndrome.
 *
 * @param label       readable name
 * @param probability probability that a patient starting the block has it
 * @param source      where it comes from
 * @param assumption  what was assumed
 */
public record Toxicity(String label, @Required @Range(min = 0, max = 1, why = Range.PROBABILITY) Double probability, String source,
                       String assumption) implements Cited {
}
