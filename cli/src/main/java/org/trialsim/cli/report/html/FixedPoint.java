package org.trialsim.cli.report.html;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number with a fixed count of decimals, exactly as {@code String.format(Locale.ROOT, "%.nf")} (or
 * {@code "%,.nf"}) writes it, without the Formatter: a report writes thousands of numbers once, and in a
 * fresh JVM each String.format parses its pattern and runs code that is then compiled for nothing (the
 * render budget of docs/limits.md). The Formatter rounds the shortest decimal that reads back as the
 * double ({@link Double#toString}) half up, and writes a minus for every number below zero, -0.0 too;
 * so does this. {@code FixedPointTest} compares the two over a million numbers.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * The number with the decimals, "NaN" or "Infinity" as the Formatter writes them.
     *
     * @param thousands whether to group the whole part's digits by three with commas ({@code %,.nf})
     */
    public static String format(double v, int decimals, boolean thousands) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        boolean negative = Double.compare(v, 0.0) < 0;
        if (Double.isInfinite(v)) {
            return negative ? "-Infinity" : "Infinity";
        }
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (thousands) {
            int point = digits.indexOf('.');
            int whole = point < 0 ? digits.length() : point;
            if (whole > 3) {
                StringBuilder s = new StringBuilder(digits.length() + whole / 3);
                int first = (whole - 1) % 3 + 1;
                s.append(digits, 0, first);
                for (int i = first; i < whole; i += 3) {
                    s.append(',').append(digits, i, i + 3);
                }
                digits = s.append(digits, whole, digits.length()).toString();
            }
        }
        return negative ? "-" + digits : digits;
    }
}
