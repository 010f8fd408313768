package org.trialsim.simulator.trial;

/**
 * What a trial simulation runs.
 *
 * @param replicates   simulated trials
 * @param seed         the seed: the same seed gives the same result for any thread count
 * @param threads      worker threads
 * @param nullScenario simulate under the null hypothesis (no difference) to estimate the type I error
 */
public record TrialOptions(int replicates, long seed, int threads, boolean nullScenario) {
    /** The most replicates a run accepts. */
    public static final int MAX_REPLICATES = 10_000_000;

    public TrialOptions {
        if (!(replicates > 0 && replicates <= MAX_REPLICATES)) {
            throw new IllegalArgumentException("replicates must be between 1 and " + MAX_REPLICATES + ", not " + replicates);
        }
        if (!(threads > 0 && threads <= 1024)) {
            throw new IllegalArgumentException("threads must be between 1 and 1024, not " + threads);
        }
    }
}
