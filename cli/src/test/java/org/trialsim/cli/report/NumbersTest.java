package org.trialsim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one number formatter: each method against the texts the reports printed before they shared it,
 * and, where two methods format the same number differently, the difference that keeps them apart.
 */
class NumbersTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                // an echoed parameter: as given, trailing zeros dropped
                Arguments.of("given", (Function<Double, String>) Numbers::given, 0.05, "0.05"),
                Arguments.of("given", (Function<Double, String>) Numbers::given, 28.0, "28"),
                Arguments.of("given", (Function<Double, String>) Numbers::given, 0.1234567, "0.123457"),
                Arguments.of("given", (Function<Double, String>) Numbers::given, -1e-9, "0"),
                Arguments.of("givenPercent", (Function<Double, String>) Numbers::givenPercent, 0.0375, "3.75%"),
                Arguments.of("givenPercent", (Function<Double, String>) Numbers::givenPercent, 0.25, "25%"),
                // a protocol's figure as written: four significant digits, scientific below 1e-3
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, 0.1234567, "0.1235"),
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, 365.0, "365"),
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, 12345.0, "12345"),
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, 2.5e-4, "2.5e-4"),
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, 1e-4, "1e-4"),
                Arguments.of("parameter", (Function<Double, String>) Numbers::parameter, null, "?"),
                Arguments.of("signedParameter", (Function<Double, String>) Numbers::signedParameter, 1.5, "+1.5"),
                Arguments.of("signedParameter", (Function<Double, String>) Numbers::signedParameter, -2.0, "-2"),
                Arguments.of("parameterPercent", (Function<Double, String>) Numbers::parameterPercent, 0.125, "12.5%"),
                Arguments.of("parameterPercent", (Function<Double, String>) Numbers::parameterPercent, 0.05, "5%"),
                Arguments.of("parameterPercent", (Function<Double, String>) Numbers::parameterPercent, 0.0025, "0.25%"),
                Arguments.of("parameterPercent", (Function<Double, String>) Numbers::parameterPercent, 0.0375, "3.8%"),
                Arguments.of("parameterPercent", (Function<Double, String>) Numbers::parameterPercent, null, "?"),
                Arguments.of("parameterDays", (Function<Double, String>) Numbers::parameterDays, 730.0, "2 years"),
                Arguments.of("parameterDays", (Function<Double, String>) Numbers::parameterDays, 365.0, "1 year"),
                Arguments.of("parameterDays", (Function<Double, String>) Numbers::parameterDays, 100.5, "100.5 days"),
                // an MRD level in the cohort table: one significant digit below 1e-3
                Arguments.of("mrdLevel", (Function<Double, String>) Numbers::mrdLevel, 1e-4, "1e-4"),
                Arguments.of("mrdLevel", (Function<Double, String>) Numbers::mrdLevel, 2.5e-4, "3e-4"),
                Arguments.of("mrdLevel", (Function<Double, String>) Numbers::mrdLevel, 0.01, "0.01"),
                Arguments.of("mrdLevel", (Function<Double, String>) Numbers::mrdLevel, 1.0, "1"),
                Arguments.of("years", (Function<Double, String>) Numbers::years, 1.0, "1 year"),
                Arguments.of("years", (Function<Double, String>) Numbers::years, 5.0, "5 years"),
                Arguments.of("years", (Function<Double, String>) Numbers::years, 1.5, "1.5 years"),
                // CSV: exact integers, else six significant digits
                Arguments.of("csv", (Function<Double, String>) Numbers::csv, 3.0, "3"),
                Arguments.of("csv", (Function<Double, String>) Numbers::csv, 0.1234567, "0.123457"),
                Arguments.of("csv", (Function<Double, String>) Numbers::csv, 0.5, "0.5"),
                Arguments.of("csv", (Function<Double, String>) Numbers::csv, 1.5e-5, "1.5e-05"),
                Arguments.of("csv", (Function<Double, String>) Numbers::csv, 1e20, "1e+20"));
    }

    @ParameterizedTest(name = "{0}({2}) = {3}")
    @MethodSource("formats")
    void formatsAsTheReportsDid(String method, Function<Double, String> format, Double value, String expected) {
        assertThat(format.apply(value)).isEqualTo(expected);
    }

    @Test
    void countsAndFixedDecimalsHaveThousandsSeparatorsInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Numbers.count(10_000_000_000L)).isEqualTo("10,000,000,000");
            assertThat(Numbers.fixed(1234.56, 1)).isEqualTo("1,234.6");
            assertThat(Numbers.given(0.05)).isEqualTo("0.05");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aFigureThatCannotBeComputedIsADash() {
        assertThat(Numbers.fixed(Double.NaN, 2)).isEqualTo("–");
        assertThat(Numbers.percentOf(3, 0)).isEqualTo("–");
        assertThat(Numbers.percentInterval(Double.NaN, Double.NaN, Double.NaN)).isEqualTo("–");
        assertThat(Numbers.percentPlusMinus(Double.NaN, 0.01)).isEqualTo("–");
        assertThat(Numbers.meanPlusMinus(12.34, Double.NaN, "%.1f")).isEqualTo("12.3 ± –");
    }

    @Test
    void percentagesOfCountsIntervalsAndErrors() {
        assertThat(Numbers.percentOf(357, 1000)).isEqualTo("35.7%");
        assertThat(Numbers.percentInterval(0.357, 0.341, 0.373)).isEqualTo("35.7 (34.1–37.3)");
        assertThat(Numbers.percentInterval(0.357, Double.NaN, Double.NaN)).as("a curve's last point, without interval").isEqualTo("35.7");
        assertThat(Numbers.percentPlusMinus(0.8034, 0.0091)).isEqualTo("80.3% ± 0.9");
        assertThat(Numbers.meanPlusMinus(12345.6, 789.1, "%,.0f")).isEqualTo("12,346 ± 789");
    }

    /** The calculators round an estimate where its standard error says the digits stop meaning anything. */
    @Test
    void estimatesAreRoundedToTheirMonteCarloError() {
        assertThat(Numbers.estimate(36.234, 1.12, 4)).isEqualTo("36.2 ± 1.1");
        assertThat(Numbers.estimate(250.31, 0.71, 4)).isEqualTo("250.3 ± 0.7");
        assertThat(Numbers.estimate(343.4, 5.2, 4)).isEqualTo("343 ± 5");
        assertThat(Numbers.estimate(-0.01, 0.3, 4)).as("never -0").isEqualTo("0.0 ± 0.3");
        assertThat(Numbers.estimate(3.0, 0, 4)).as("every replicate agreed").isEqualTo("3.00 ± 0");
        assertThat(Numbers.percentEstimate(0.6812, 0.0291)).isEqualTo("68 ± 3%");
    }

    @Test
    void aCountIsWhatFormattingWithThousandsSeparatorsWrites() {
        long[] counts = {0, 7, -7, 999, 1000, -1000, 12345, 999_999, 1_000_000, -123_456_789, 10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : counts) {
            assertThat(Numbers.count(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
