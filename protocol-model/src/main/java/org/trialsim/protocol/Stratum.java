package org.trialsim.protocol;

import java.util.Map;

/**
 * An allocation stratum: which patients it holds, and the ratio of arms among them.
 *
 * @param label readable name
 * @param when  condition; absent means every remaining patient
 * @param ratio arms and their allocation weights, e.g. {A: 1, B: 1}
 */
public record Stratum(String label, Condition when,
                      @Required @Range(min = 1, max = 100, why = "whole weights; trials allocate 1:1 to 4:1, and blocks hold each"
                              + " weight many times over")
                      Map<String, Integer> ratio) {
    public Stratum {
        ratio = Immutable.map(ratio);
    }
}
