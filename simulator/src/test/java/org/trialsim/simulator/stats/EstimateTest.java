package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EstimateTest {
    /** The same bits as the formula the results printed before it had one home: golden outputs rely on it. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"0, 1", "1, 1", "16, 30", "74, 120", "1, 3", "2, 3", "1343, 2000", "7, 400", "999999, 1000000"})
    void proportionIsTheRateWithItsBinomialStandardErrorToTheBit(long count, long n) {
        double p = (double) count / n;
        Estimate e = Estimate.ofProportion(count, n);
        assertThat(e.value()).isEqualTo(p);
        assertThat(e.standardError()).isEqualTo(Math.sqrt(p * (1 - p) / n));
        assertThat(e.standardError()).isEqualTo(MonteCarloError.ofProportion(count, n));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"0, 1", "1, 1"})
    void aProportionOfNoneOrAllHasNoMonteCarloError(long count, long n) {
        assertThat(Estimate.ofProportion(count, n).standardError()).isZero();
    }

    @Test
    void aProportionOfNothingIsUndefined() {
        Estimate e = Estimate.ofProportion(0, 0);
        assertThat(e.value()).isNaN();
        assertThat(e.standardError()).isNaN();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"3, 2", "-1, 5", "1, 0", "0, -1"})
    void impossibleCountsAreRefused(long count, long n) {
        assertThatIllegalArgumentException().isThrownBy(() -> Estimate.ofProportion(count, n));
    }
}
