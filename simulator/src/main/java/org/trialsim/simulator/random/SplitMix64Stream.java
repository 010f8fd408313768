package org.trialsim.simulator.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Commons RNG's SplitMix64 generator in a form that can be re-seeded without allocating: after
 * {@code reset(seed)} its {@code nextLong} gives exactly the numbers {@code new
 * org.apache.commons.rng.core.source64.SplitMix64(seed)} would, and so do {@code nextDouble},
 * {@code nextLong(n)} and every sampler built on {@code nextLong} (a test checks this bit for bit).
 * {@code nextInt()} takes the high 32 bits of a fresh long (the {@link UniformRandomProvider} default)
 * where Commons' long providers cache the other half, so int draws are equally good but not the same
 * sequence; the engine draws only doubles and longs.
 *
 * <p>Why: a virtual patient draws from a dozen short streams, one per purpose, and the engine runs
 * millions of patients per second per thread. Creating a generator object per stream would dominate
 * the cost; re-seeding one instance (and the samplers built on it once) does not. Not thread-safe.
 */
public final class SplitMix64Stream implements UniformRandomProvider {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** Starts the stream that {@code new SplitMix64(seed)} would produce. */
    public void reset(long seed) {
        state = seed;
    }

    /**
     * Moves the stream past {@code draws} numbers without computing them: SplitMix64's state only counts
     * (each number is a function of the state alone), so the numbers after are those the stream would
     * have given after that many calls of {@code nextLong} or {@code nextDouble}.
     */
    public void skip(int draws) {
        state += draws * GOLDEN_GAMMA;
    }

    @Override
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
