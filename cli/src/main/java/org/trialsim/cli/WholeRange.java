package org.trialsim.cli;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The whole numbers from {@code min} to {@code max}, both included, that a count option accepts
 * (patients, replicates, threads, levels). A count may be written 100000, 1e5 or 100_000; 1.5 is refused.
 */
record WholeRange(long min, long max) {
    WholeRange {
        if (min > max) {
            throw new IllegalArgumentException("an empty range: " + min + " to " + max);
        }
    }

    /** What the option must be, e.g. "a whole number from 1 to 10,000,000". */
    String expected() {
        return "a whole number " + span();
    }

    /** The range as the option's help gives it, e.g. "from 1 to 10,000,000". */
    String span() {
        return "from " + count(min) + " to " + count(max);
    }

    private static String count(long v) {
        return v == Long.MIN_VALUE ? "-2^63" : v == Long.MAX_VALUE ? "2^63 - 1" : String.format(Locale.ROOT, "%,d", v);
    }

    /**
     * The value of the text.
     *
     * @throws RefusedValue if it is not a whole number in the range, or not a number at all
     */
    long parse(String text) {
        BigDecimal value = NumberText.parse(text);
        if (value == null || !NumberText.isWhole(value)
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new RefusedValue(expected(), text);
        }
        return value.longValueExact();
    }

    /**
     * Checks a value that did not come from the option itself (a protocol's, or the number of processors).
     *
     * @param what names the value in the message, e.g. "the protocol's startLevel"
     * @throws UserException a usage error, if the value is outside the range
     */
    long check(String what, long value) {
        if (value < min || value > max) {
            throw UserException.usage(what + " must be " + expected() + ", not " + value);
        }
        return value;
    }
}
