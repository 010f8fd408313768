package org.trialsim.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {
    @ParameterizedTest(name = "[{0}, {1}] in about {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        "0   | 100   | 6 | 0 20 40 60 80 100",
        "0   | 1     | 6 | 0 0.2 0.4 0.6 0.8 1",
        "0   | 10    | 8 | 0 1 2 3 4 5 6 7 8 9 10",
        "0.3 | 0.71  | 6 | 0.3 0.4 0.5 0.6 0.7 0.8",
        "-0.9| 0.2   | 6 | -1 -0.8 -0.6 -0.4 -0.2 0 0.2",
        "0   | 7.5   | 8 | 0 1 2 3 4 5 6 7 8",
        "13  | 97    | 6 | 0 20 40 60 80 100",
        "670 | 670   | 6 | 300 400 500 600 700 800 900 1000 1100",
        "0   | 0     | 6 | -1 -0.5 0 0.5 1",
        "0   | 1234  | 6 | 0 200 400 600 800 1000 1200 1400",
    })
    void ticksAreNiceNumbersCoveringTheData(double min, double max, int count, String expected) {
        Ticks t = Ticks.covering(min, max, count);
        List<Double> want = Arrays.stream(expected.split(" ")).map(Double::valueOf).toList();
        assertThat(t.values()).containsExactlyElementsOf(want);
        assertThat(t.low()).isLessThanOrEqualTo(Math.min(min, max));
        assertThat(t.high()).isGreaterThanOrEqualTo(Math.max(min, max));
        assertThat(t.values().size()).isLessThanOrEqualTo(2 * count + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.8|1", "1.6|2", "2.9|2", "3.1|5", "7.2|10", "0.013|0.01", "460|500"})
    void niceNumbersAreOneTwoOrFiveTimesAPowerOfTen(double x, double nice) {
        assertThat(Ticks.nice(x)).isCloseTo(nice, within(1e-12));
    }

    @Test
    void labelsHaveTheDecimalsOfTheStepAndNoMinusZero() {
        Ticks t = Ticks.covering(-0.9, 0.2, 6);
        assertThat(t.values().stream().map(t::label)).containsExactly("-1.0", "-0.8", "-0.6", "-0.4", "-0.2", "0.0", "0.2");
        Ticks big = Ticks.covering(0, 12000, 6);
        assertThat(big.label(10000)).isEqualTo("10,000");
    }

    @Test
    void valuesThatAreNotFiniteGiveTheUnitAxis() {
        assertThat(Ticks.covering(Double.NaN, Double.POSITIVE_INFINITY, 6).values()).first().isEqualTo(0.0);
        assertThat(Ticks.covering(Double.NaN, 1, 6).high()).isEqualTo(1.0);
        assertThatThrownBy(() -> Ticks.covering(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
