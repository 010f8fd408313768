package org.trialsim.cli.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis's ticks at "nice" numbers — 1, 2 or 5 times a power of ten — covering the data (Heckbert,
 * "Nice numbers for graph labels", Graphics Gems, 1990): the axis runs from the last tick at or below
 * the smallest value to the first at or above the largest, so every value is inside it.
 *
 * @param low    the first tick, the start of the axis
 * @param high   the last tick, the end of the axis
 * @param step   the distance between ticks
 * @param values the ticks, from low to high
 */
public record Ticks(double low, double high, double step, List<Double> values) {
    public Ticks {
        values = List.copyOf(values);
    }

    /**
     * Ticks covering [min, max], about {@code count} of them (never more than {@code 2·count}).
     * An empty range (min = max) is widened to a unit around it; a range that is not finite to [0, 1].
     *
     * @param count the ticks wanted, at least 2
     */
    public static Ticks covering(double min, double max, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be at least 2, not " + count);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (min > max) {
            double t = min;
            min = max;
            max = t;
        }
        if (min == max) {
            double half = min == 0 ? 1 : Math.abs(min) / 2;
            min -= half;
            max += half;
        }
        double step = nice((max - min) / (count - 1));
        // a hair of tolerance, so that 0.3 / 0.1 = 2.9999999999999996 starts the axis at 0.3, not 0.2
        double low = Math.floor(min / step + 1e-9) * step;
        double high = Math.ceil(max / step - 1e-9) * step;
        int n = (int) Math.round((high - low) / step);
        int decimals = decimals(step);
        List<Double> values = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            // rounded to the step's decimals, so that 0.1 + 0.2 is the tick 0.3 and reads so
            values.add(BigDecimal.valueOf(low + i * step).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue());
        }
        return new Ticks(values.get(0), values.get(n), step, values);
    }

    /** The nice number nearest to x: 1, 2, 5 or 10 times a power of ten. */
    static double nice(double x) {
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        double fraction = x / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    /** The decimals a tick label needs to show this step: 0 for 5 or 20, 1 for 0.5, 2 for 0.05. */
    static int decimals(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /** A tick's label, with the decimals the step needs and thousands separators: 0.05, 20, 1,000. */
    public String label(double value) {
        String s = FixedPoint.format(value, decimals(step), true);
        return s.startsWith("-") && s.chars().allMatch(c -> c == '-' || c == '0' || c == '.') ? s.substring(1) : s;
    }
}
