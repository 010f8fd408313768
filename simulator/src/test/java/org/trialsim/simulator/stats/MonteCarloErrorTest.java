package org.trialsim.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonteCarloErrorTest {
    @Test
    void proportionIsTheBinomialStandardError() {
        // 16/30: sqrt(16/30 · 14/30 / 30) = sqrt(224/27000)
        assertThat(MonteCarloError.ofProportion(16, 30)).isCloseTo(Math.sqrt(224.0 / 27000), within(1e-16));
        assertThat(MonteCarloError.ofProportion(0, 30)).isZero();
        assertThat(MonteCarloError.ofProportion(30, 30)).isZero();
    }

    @Test
    void meanUsesTheSampleVarianceWithDivisorNMinusOne() {
        // R: sd(c(2, 4, 4, 4, 5, 5, 7, 9)) / sqrt(8) = sqrt(32/7) / sqrt(8)
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(MonteCarloError.ofMean(values)).isCloseTo(Math.sqrt(32.0 / 7 / 8), within(1e-15));
        assertThat(MonteCarloError.ofMean(32.0 / 7, 8)).isCloseTo(Math.sqrt(32.0 / 7 / 8), within(1e-15));
    }

    @Test
    void meanOfHugeOffsetValuesKeepsPrecision() {
        // A one-pass sum-of-squares formula loses every digit here; the two-pass formula does not.
        double[] values = {1e9 + 1, 1e9 + 2, 1e9 + 3};
        assertThat(MonteCarloError.ofMean(values)).isCloseTo(Math.sqrt(1.0 / 3), within(1e-12));
    }

    @Test
    void rejectsBadArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> MonteCarloError.ofMean(new double[] {1}));
        assertThatIllegalArgumentException().isThrownBy(() -> MonteCarloError.ofMean(new double[] {1, Double.NaN}));
        assertThatIllegalArgumentException().isThrownBy(() -> MonteCarloError.ofMean(Double.NaN, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> MonteCarloError.ofMean(1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> MonteCarloError.ofProportion(3, 2));
    }
}
