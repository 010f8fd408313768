package org.trialsim.simulator.explore;

import org.trialsim.simulator.trial.TrialOptions;

/**
 * How an exploration runs: the same replicates and seed in every cell (so that replicate i of every
 * cell has the same patients), on the given threads.
 *
 * @param replicates simulated trials per cell
 * @param seed       the seed of every cell
 * @param threads    worker threads: the result does not depend on them
 */
public record ExploreOptions(int replicates, long seed, int threads) {
    public ExploreOptions {
        // the same checks as a single trial's
        new TrialOptions(replicates, seed, threads, false);
    }

    /** A cell's trial options. */
    TrialOptions trial(boolean nullHypothesis) {
        return new TrialOptions(replicates, seed, threads, nullHypothesis);
    }
}
