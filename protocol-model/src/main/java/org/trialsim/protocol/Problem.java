package org.trialsim.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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

    /**
     * How many problems a listing shows. A hostile or broken file can hold hundreds of thousands, and
     * nobody reads past the first screenfuls; the rest are counted.
     */
    public static final int SHOWN = 100;

    /**
     * The problems as lines for a person: the first {@link #SHOWN} as {@link #toString()} gives them,
     * then, if there are more, one line that counts the rest.
     */
    public static List<String> listing(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        for (Problem p : problems.subList(0, Math.min(SHOWN, problems.size()))) {
            lines.add(p.toString());
        }
        if (problems.size() > SHOWN) {
            List<Problem> rest = problems.subList(SHOWN, problems.size());
            long errors = rest.stream().filter(Problem::isError).count();
            long warnings = rest.size() - errors;
            lines.add(String.format(Locale.ROOT, "... and %,d more (%s%s%s), not shown; fix the first ones and run again", rest.size(),
                    errors == 0 ? "" : String.format(Locale.ROOT, "%,d %s", errors, errors == 1 ? "error" : "errors"),
                    errors == 0 || warnings == 0 ? "" : ", ",
                    warnings == 0 ? "" : String.format(Locale.ROOT, "%,d %s", warnings, warnings == 1 ? "warning" : "warnings")));
        }
        return lines;
    }

    /** The longest message shown whole; a message may quote a value of the file, which can be long. */
    static final int LONGEST_SHOWN = 1_000;

    /** The message, shortened in the middle if it is longer than {@link #LONGEST_SHOWN}: its end says what to do. */
    private static String shortened(String message) {
        if (message.length() <= LONGEST_SHOWN) {
            return message;
        }
        return message.substring(0, LONGEST_SHOWN * 3 / 5) + " ... " + message.substring(message.length() - LONGEST_SHOWN * 2 / 5 + 5);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The problem as one line, compiler style:
     * {@code file:line:column: error: at path: message}, with any control characters in the file name,
     * path or message made visible (they may quote what the file holds, and are printed to a terminal).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(ControlCharacters.visible(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (!path.isEmpty()) {
            sb.append("at ").append(ControlCharacters.visible(path)).append(": ");
        }
        return sb.append(ControlCharacters.visible(shortened(message))).toString();
    }
}
