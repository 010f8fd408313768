package org.trialsim.cli;

import picocli.CommandLine.Option;

/** The seed and thread count of a command that simulates: the same seed gives the same output for any thread count. */
final class RunOptions {
    /** The most worker threads a run accepts. */
    static final int MAX_THREADS = 1024;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", defaultValue = "1", converter = OptionRanges.Seed.class,
            description = "Random seed, a whole number from -2^63 to 2^63 - 1: the same seed gives the same output for any"
                    + " thread count (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-t", "--threads"}, paramLabel = "T", converter = OptionRanges.Threads.class,
            description = "Worker threads, from 1 to 1,024 (default: the number of processors).")
    Integer threads;

    /** The worker threads: as given, or the number of processors (at most {@value #MAX_THREADS}). */
    int workers() {
        return threads != null ? threads : Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }
}
