package org.trialsim.protocol;

import java.util.Comparator;

/**
 * One problem found in a protocol file: where it is and what is wrong, in a plain sentence.
 *
 * @param severity an error makes the protocol unusable; a warning does not
 * @param file     the file (or built-in resource) it was found in
 * @param path     where in the document, e.g. {@code pathway.nodes.induction.durationDays}; empty for the whole file
 * @param line     1-based line, or 0 if unknown
 * @param column   1-based column, or 0 if unknown
 * @param message  what is wrong
 */
public record Problem(Severity severity, String file, String path, int line, int column, String message) {

    /** How serious a problem is. */
    public enum Severity {
        /** The protocol cannot be used. */
        ERROR,
        /** The protocol can be used, but something deserves attention (e.g. an uncited parameter). */
        WARNING
    }

    /** Orders problems by position in the file, errors before warnings at the same place. */
    public static final Comparator<Problem> BY_POSITION = Comparator
            .comparingInt((Problem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::path);

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The problem as one line, compiler style:
     * {@code file:line:column: error: at path: message}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (!path.isEmpty()) {
            sb.append("at ").append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
