package org.trialsim.simulator.trial;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Allocates the patients of one stratum of one allocation node, in the order they reach allocation:
 * returns the position of the chosen arm among the stratum's arms. Stateful, one per replicate.
 */
interface StratumRandomizer {
    int next(int[] factorLevels, UniformRandomProvider rng);
}
