package org.trialsim.cli;

import picocli.CommandLine.Option;

/** The seed and thread count of a command that simulates: the same seed gives the same output for any thread count. */
final class RunOptions {
    /** The most worker threads a run accepts. */
    static final int MAX_THREADS = 1024;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1",
            description = "Random seed: the same seed gives the same output for any thread count (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "T", description = "Worker threads (default: the number of processors).")
    Integer threads;

    /** The worker threads: as given, or the number of processors. */
    int workers() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > MAX_THREADS) {
            throw UserException.usage("--threads must be between 1 and " + MAX_THREADS + ", not " + workers);
        }
        return workers;
    }
}
