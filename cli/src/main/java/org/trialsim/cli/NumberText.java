package org.trialsim.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a number written on the command line: decimal digits with an optional sign, fraction and
 * exponent ({@code 100000}, {@code 1e5}, {@code 2.5e6}, {@code 0.05}), and underscores between digits
 * for readability ({@code 100_000}). Nothing else: no {@code NaN}, {@code Infinity}, hexadecimal or
 * type suffixes, which Java's own parsers would accept.
 */
final class NumberText {
    /** Longer texts are refused unread: no option needs more digits, and a huge exponent costs nothing to refuse. */
    static final int MAX_LENGTH = 64;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:_\\d+)*(?:\\.(?:\\d+(?:_\\d+)*)?)?|\\.\\d+(?:_\\d+)*)"
            + "(?:[eE][+-]?\\d+)?");

    private NumberText() {
    }

    /** The exact value of the text, or null if it is not a number written as above. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_LENGTH || !NUMBER.matcher(t).matches()) {
            return null;
        }
        try {
            return new BigDecimal(t.replace("_", ""));
        } catch (NumberFormatException e) {
            // an exponent beyond the range of an int
            return null;
        }
    }

    /** Whether the value has no fractional part (1e5 and 2.50e1 do; 1.5 does not). */
    static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
