package org.trialsim.simulator.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.trialsim.simulator.random.SplitMix64Stream;

/**
 * The draws of one part of one patient: a re-seedable SplitMix64 stream with the samplers built on it
 * once. {@link #reset} moves it to a new address; nothing is allocated per patient. Not thread-safe.
 */
final class Draws {
    private final SplitMix64Stream stream = new SplitMix64Stream();
    private final NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(stream);
    private final ContinuousSampler exponential = ZigguratSampler.Exponential.of(stream);

    /** Re-seeds the stream; returns this. */
    Draws reset(long seed) {
        stream.reset(seed);
        return this;
    }

    /** Moves past {@code uniforms} uniforms without drawing them (the numbers after are the same). */
    void skip(int uniforms) {
        stream.skip(uniforms);
    }

    /** A uniform in [0, 1). */
    double uniform() {
        return stream.nextDouble();
    }

    /** A standard normal deviate (Commons RNG's Ziggurat sampler). */
    double gaussian() {
        return gaussian.sample();
    }

    /**
     * An Exp(1) deviate (Commons RNG's Ziggurat sampler): one draw almost always, and no logarithm on
     * that path, where -log1p(-u) cost a native call per patient and process.
     */
    double exponential() {
        return exponential.sample();
    }

    /** The stream, for code that takes a UniformRandomProvider. */
    UniformRandomProvider provider() {
        return stream;
    }
}
