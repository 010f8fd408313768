package org.trialsim.simulator.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cumulative hazard finds the interval holding t by a scan of the breakpoints: a time on a
 * breakpoint belongs to the interval that starts there, before the first to the first, after the last
 * to the last. Rates 1, 2 and 3 with breakpoints at 1 and 2 make every value exact in binary.
 */
class PiecewiseConstantHazardTest {
    private static final PiecewiseConstantHazard H = PiecewiseConstantHazard.of(new double[] {1, 2}, new double[] {1, 2, 3});

    @ParameterizedTest
    @CsvSource({"0, 0", "0.5, 0.5", "1, 1", "1.5, 2", "2, 3", "3, 6", "Infinity, Infinity"})
    void cumulativeHazardAtAndBetweenBreakpoints(double t, double expected) {
        assertThat(H.cumulativeHazard(t)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "2, 1.5", "3, 2", "6, 3"})
    void inverseUndoesIt(double h, double expected) {
        assertThat(H.inverse(h)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2"})
    void aConstantHazardHasOneInterval(double t) {
        PiecewiseConstantHazard constant = PiecewiseConstantHazard.of(new double[0], new double[] {0.5});
        assertThat(constant.cumulativeHazard(t)).isEqualTo(0.5 * t);
    }
}
