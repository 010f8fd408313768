package org.trialsim.simulator.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Derives independent random streams from one seed. A stream is named by a purpose (a short text such
 * as {@code "arrivals"} or {@code "node:blina-1"}, hashed once) and any number of indices (scenario,
 * replicate, patient); the same seed, purpose and indices always give the same stream.
 *
 * <p>The generator is Commons RNG's XoRoShiRo128++ (period 2^128 − 1), seeded from the address by the
 * SplitMix64 finaliser (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), which maps nearby addresses to unrelated seeds.
 */
public final class RandomStreams {
    /** The name of the generator, for provenance. */
    public static final String GENERATOR = "XO_RO_SHI_RO_128_PP (Commons RNG), seeded per purpose and index by SplitMix64";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;

    /** Streams derived from the given seed. */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The key of a purpose: compute it once, outside loops, and pass it to {@link #stream(long, long...)}. */
    public static long purpose(String name) {
        long h = 0x6a09e667f3bcc909L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return h;
    }

    /** The stream for a purpose and indices. */
    public UniformRandomProvider stream(long purpose, long... indices) {
        long h = mix(seed ^ mix(purpose));
        for (long index : indices) {
            h = mix(h + GOLDEN_GAMMA + mix(index));
        }
        return generator(h);
    }

    /** The stream for a purpose and one index, without allocating an index array. */
    public UniformRandomProvider stream(long purpose, long index) {
        return generator(mix(mix(seed ^ mix(purpose)) + GOLDEN_GAMMA + mix(index)));
    }

    /** The stream for a purpose and two indices, without allocating an index array. */
    public UniformRandomProvider stream(long purpose, long index1, long index2) {
        long h = mix(mix(seed ^ mix(purpose)) + GOLDEN_GAMMA + mix(index1));
        return generator(mix(h + GOLDEN_GAMMA + mix(index2)));
    }

    /**
     * The key of a purpose under this seed: compute it once per run, then derive each index's short
     * stream with {@link #shortSeed(long, long)}.
     */
    public long key(long purpose) {
        return mix(seed ^ mix(purpose));
    }

    /**
     * The seed of the short stream of a purpose key and an index, given {@code mixedIndex =
     * mix(index)} (computed once per patient and shared by all its purposes). One mixing step: nearby
     * indices and different purposes get unrelated seeds.
     */
    public static long shortSeed(long key, long mixedIndex) {
        return mix(key + GOLDEN_GAMMA + mixedIndex);
    }

    /**
     * A short stream for a purpose and an index: Commons RNG's SplitMix64 (a single 64-bit state), the
     * cheapest generator, for the handful of draws one part of one patient needs. Two such streams
     * overlap only if their seeds differ by a small multiple of the golden gamma, which has probability
     * of order draws/2^64. The engine re-seeds a {@link SplitMix64Stream} with {@link #shortSeed}
     * instead, which gives the same numbers without creating a generator.
     */
    public UniformRandomProvider shortStream(long purpose, long index) {
        return new SplitMix64(shortSeed(key(purpose), mix(index)));
    }

    private static UniformRandomProvider generator(long key) {
        long s0 = mix(key + GOLDEN_GAMMA);
        long s1 = mix(key + 2 * GOLDEN_GAMMA);
        if ((s0 | s1) == 0) {
            s1 = GOLDEN_GAMMA;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /** The SplitMix64 finaliser ("mix64", variant 13 of Stafford's mixers): a bijection that scrambles all bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
