package org.trialsim.simulator.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;

class SplitMix64StreamTest {

    @Test
    void producesCommonsSplitMix64BitForBit() {
        SplitMix64Stream stream = new SplitMix64Stream();
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x9e3779b97f4a7c15L}) {
            stream.reset(seed);
            UniformRandomProvider commons = new SplitMix64(seed);
            for (int i = 0; i < 50; i++) {
                assertThat(stream.nextLong()).isEqualTo(commons.nextLong());
                assertThat(stream.nextDouble()).isEqualTo(commons.nextDouble());
                assertThat(stream.nextLong(1000)).isEqualTo(commons.nextLong(1000));
            }
        }
    }

    @Test
    void shortSeedIsTheSeedOfShortStream() {
        RandomStreams streams = new RandomStreams(11);
        long purpose = RandomStreams.purpose("x");
        SplitMix64Stream stream = new SplitMix64Stream();
        stream.reset(RandomStreams.shortSeed(streams.key(purpose), RandomStreams.mix(3)));
        UniformRandomProvider expected = streams.shortStream(purpose, 3);
        for (int i = 0; i < 10; i++) {
            assertThat(stream.nextLong()).isEqualTo(expected.nextLong());
        }
    }

    @Test
    void skippingDrawsLeavesTheNumbersAfterThemUnchanged() {
        SplitMix64Stream skipping = new SplitMix64Stream();
        UniformRandomProvider drawing = new SplitMix64(7);
        for (int draws : new int[] {0, 1, 5, 64}) {
            skipping.reset(7 + draws);
            drawing = new SplitMix64(7 + draws);
            skipping.skip(draws);
            for (int i = 0; i < draws; i++) {
                drawing.nextDouble();
            }
            for (int i = 0; i < 5; i++) {
                assertThat(skipping.nextDouble()).isEqualTo(drawing.nextDouble());
            }
        }
    }
}
