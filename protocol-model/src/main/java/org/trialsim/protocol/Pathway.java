package org.trialsim.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * The treatment pathway: a graph of blocks, decision points, allocation points and ends, starting at
 * {@code start}. Every node leads on to others by id; the graph has no loops, and every path ends.
 *
 * @param start          the node every patient starts at
 * @param remissionBelow MRD below this level is complete remission ({@code cr}); 0.05 (5% blasts) if absent
 * @param nodes          the nodes by id
 */
public record Pathway(
        @Required String start,
        @JsonPropertyDescription("MRD below this is complete remission (cr); default 0.05, i.e. <5% blasts")
        @Range(min = 0, max = 1, minExcluded = true, why = "an MRD level, a fraction of cells (5% blasts is 0.05)")
        Double remissionBelow,
        @Required Map<String, Node> nodes) {

    /** Morphological complete remission is fewer than 5% blasts in the marrow. */
    public static final double DEFAULT_REMISSION_BELOW = 0.05;

    public Pathway {
        remissionBelow = Immutable.orElse(remissionBelow, DEFAULT_REMISSION_BELOW);
        nodes = Immutable.map(nodes);
    }
}
