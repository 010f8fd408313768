package org.trialsim.cli;

import java.math.BigDecimal;
import org.trialsim.cli.report.Numbers;

/**
 * The finite numbers between {@code min} and {@code max} that a rate or duration option accepts, each
 * end included or not. The value is checked as the double it becomes, so 1e-400 is 0 and 0.99999999999999999
 * is 1.
 */
record NumberRange(double min, boolean minIncluded, double max, boolean maxIncluded) {
    NumberRange {
        if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("not a finite range: " + min + " to " + max);
        }
    }

    /** From min to max, both included. */
    static NumberRange closed(double min, double max) {
        return new NumberRange(min, true, max, true);
    }

    /** Above min and below max. */
    static NumberRange open(double min, double max) {
        return new NumberRange(min, false, max, false);
    }

    /** What the option must be, e.g. "a number from 0 to 1" or "a number above 0 and below 0.5". */
    String expected() {
        return "a number " + span();
    }

    /** The range as the option's help gives it, e.g. "from 0 to 1" or "above 0 and below 0.5". */
    String span() {
        if (minIncluded && maxIncluded) {
            return "from " + plain(min) + " to " + plain(max);
        }
        return (minIncluded ? "at least " : "above ") + plain(min) + (maxIncluded ? " and at most " : " and below ") + plain(max);
    }

    /** Whether the value is inside (NaN and infinities are not). */
    boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
    }

    /**
     * The value of the text.
     *
     * @throws RefusedValue if it is not a number in the range, or not a number at all
     */
    double parse(String text) {
        BigDecimal exact = NumberText.parse(text);
        if (exact == null || !contains(exact.doubleValue())) {
            throw new RefusedValue(expected(), text);
        }
        return exact.doubleValue();
    }

    /**
     * Checks a value that did not come from the option itself (a protocol's).
     *
     * @param what names the value in the message, e.g. "the protocol's design.escalation.dltWindowDays"
     * @throws UserException a usage error, if the value is outside the range
     */
    double check(String what, double value) {
        if (!contains(value)) {
            throw UserException.usage(what + " must be " + expected() + ", not " + Numbers.given(value));
        }
        return value;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
