package org.trialsim.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsim.protocol.Distribution;

/**
 * A yes/no covariate and a category of two levels are drawn by {@link ValueSampler.TwoLevels}, which
 * must give, uniform for uniform, the index the general {@link ValueSampler#index} loop gives: the
 * engine's results stay byte-identical. Checked on 100,000 draws of a fixed stream.
 */
class TwoLevelsTest {

    @ParameterizedTest
    @CsvSource({"0.01", "0.35", "0.5", "0.75", "0.98", "0", "1"})
    void aBernoulliDrawsWhatTheGeneralLoopDraws(double probability) {
        ValueSampler sampler = ValueSampler.of(new Distribution.Bernoulli(probability), name -> 0, name -> null);
        assertThat(sampler).isInstanceOf(ValueSampler.TwoLevels.class);
        sameAsTheLoop(sampler, new double[] {1 - probability, 1});
    }

    @ParameterizedTest
    @CsvSource({"0.65", "0.75", "0.02"})
    void aTwoLevelCategoryDrawsWhatTheGeneralLoopDraws(double first) {
        Map<String, Double> levels = new LinkedHashMap<>();
        levels.put("a", first);
        levels.put("b", 1 - first);
        ValueSampler sampler = ValueSampler.of(new Distribution.Categorical(levels), name -> 0, name -> null);
        assertThat(sampler).isInstanceOf(ValueSampler.TwoLevels.class);
        sameAsTheLoop(sampler, new double[] {first, 1});
    }

    private static void sameAsTheLoop(ValueSampler sampler, double[] cumulative) {
        Draws draws = new Draws().reset(42);
        Draws same = new Draws().reset(42);
        for (int i = 0; i < 100_000; i++) {
            double drawn = ValueSampler.draw(sampler, draws, new double[0]);
            assertThat(drawn).isEqualTo(ValueSampler.index(cumulative, same.uniform()));
        }
    }
}
