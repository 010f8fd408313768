package org.trialsim.cli;

import picocli.CommandLine;

/**
 * An option value outside its range, or not a number: thrown by a converter while the command line is
 * parsed, and reported by {@link Errors#usage} as "--option must be EXPECTED, not VALUE" (exit code 2).
 */
final class RefusedValue extends CommandLine.TypeConversionException {
    private static final long serialVersionUID = 1L;

    /** Values are echoed up to this length, so that a pasted page does not fill the terminal. */
    private static final int ECHO = 64;

    private final String expected;
    private final String value;

    RefusedValue(String expected, String value) {
        super(expected + ", not " + echo(value));
        this.expected = expected;
        this.value = echo(value);
    }

    /** What the option must be, e.g. "a whole number from 1 to 10,000,000". */
    String expected() {
        return expected;
    }

    /** The value given, shortened if long. */
    String value() {
        return value;
    }

    private static String echo(String value) {
        String v = String.valueOf(value);
        if (v.isBlank()) {
            return "'" + v + "'";
        }
        return v.length() <= ECHO ? v : v.substring(0, ECHO) + "... (" + v.length() + " characters)";
    }
}
