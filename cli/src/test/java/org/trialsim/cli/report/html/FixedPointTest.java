package org.trialsim.cli.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointTest {
    @ParameterizedTest(name = "{0} to {1} decimals")
    @CsvSource({
        "1.45, 1, 1.5", "0.05, 1, 0.1", "-0.04, 1, -0.0", "-0.0, 2, -0.00", "0, 0, 0", "0.5, 0, 1", "2.5, 0, 3",
        "1234567.891, 2, '1,234,567.89'", "999.95, 1, '1,000.0'", "1.0E-5, 3, 0.000", "1.0E20, 1, '100,000,000,000,000,000,000.0'",
    })
    void writesWhatStringFormatWrites(double v, int decimals, String expected) {
        boolean thousands = expected.contains(",");
        assertThat(FixedPoint.format(v, decimals, thousands)).isEqualTo(expected)
                .isEqualTo(String.format(Locale.ROOT, "%" + (thousands ? "," : "") + "." + decimals + "f", v));
    }

    /** Numbers of every scale, and ones on a rounding tie (k/2·10^-d), over 0 to 4 decimals, with and without grouping. */
    @Test
    void agreesWithStringFormatOverAMillionNumbers() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20261205L);
        for (int i = 0; i < 1_000_000; i++) {
            int decimals = rng.nextInt(5);
            double v = switch (i % 4) {
                case 0 -> (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(12) - 4);
                case 1 -> (rng.nextInt(200_001) - 100_000) / 2.0 / Math.pow(10, decimals);
                case 2 -> rng.nextInt(2000) / 1000.0 * 100;
                default -> Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL) * (rng.nextBoolean() ? 1 : -1) * 1e-290;
            };
            boolean thousands = rng.nextBoolean();
            String pattern = "%" + (thousands ? "," : "") + "." + decimals + "f";
            assertThat(FixedPoint.format(v, decimals, thousands)).as("%s of %s", pattern, v).isEqualTo(String.format(Locale.ROOT, pattern, v));
        }
        assertThat(FixedPoint.format(Double.NaN, 1, false)).isEqualTo(String.format(Locale.ROOT, "%.1f", Double.NaN));
        assertThat(FixedPoint.format(Double.NEGATIVE_INFINITY, 1, true)).isEqualTo(String.format(Locale.ROOT, "%,.1f", Double.NEGATIVE_INFINITY));
    }
}
