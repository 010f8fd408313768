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

    /**
     * The given number of simulated trials, as the protocol is written (the alternative), seed 1, as
     * many threads as processors (at most 1024).
     */
    public static TrialOptions of(int replicates) {
        return new TrialOptions(replicates, 1, Math.min(1024, Runtime.getRuntime().availableProcessors()), false);
    }

    /** The same options with another seed. */
    public TrialOptions seed(long value) {
        return new TrialOptions(replicates, value, threads, nullScenario);
    }

    /** The same options on another number of threads: the result does not depend on it. */
    public TrialOptions threads(int count) {
        return new TrialOptions(replicates, seed, count, nullScenario);
    }

    /** The same options under the null hypothesis (no difference between arms): the rejection rate is the type I error. */
    public TrialOptions underNull() {
        return new TrialOptions(replicates, seed, threads, true);
    }
}
