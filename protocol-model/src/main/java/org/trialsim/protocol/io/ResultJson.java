package org.trialsim.protocol.io;

/**
 * Writes a result record (of a trial, a cohort, a calibration...) as JSON text byte for byte as the
 * command-line tool's result mapper writes it, without that mapper: Jackson's introspection of the result
 * records cost a fresh JVM about 0.07 s of wall time, a fifth of a one-replicate trial's (docs/performance.md,
 * "Issue 12, json13"). The writing is {@link JsonText}'s by the rules {@link JsonText.Rules#RESULT}; where it
 * declines (a type or value it cannot write exactly as Jackson would), the caller's mapper writes the JSON.
 */
public final class ResultJson {
    private ResultJson() {
    }

    /**
     * The value's JSON text, indented, without a final line separator, or null when this writer declines
     * it (the value is not a record, or holds something it does not write exactly as the mapper would).
     */
    public static String text(Object value) {
        return value != null && value.getClass().isRecord() ? JsonText.write(value, JsonText.Rules.RESULT) : null;
    }

    /**
     * Whether this writer declines a record of the type whatever its values, after working out the type's
     * shape (kept for later writing); false says only that it may write one.
     */
    public static boolean declines(Class<?> type) {
        return !type.isRecord() || !JsonText.Rules.RESULT.writes(type);
    }
}
