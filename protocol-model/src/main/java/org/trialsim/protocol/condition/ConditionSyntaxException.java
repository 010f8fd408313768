package org.trialsim.protocol.condition;

/**
 * A condition that cannot be parsed or does not type-check. The column is 1-based within the
 * condition's text, so a caller that knows where the text stands in a file can point at the place.
 */
public final class ConditionSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String text;

    ConditionSyntaxException(String text, int column, String message) {
        super(message);
        this.text = text;
        this.column = column;
    }

    /** The 1-based column in the condition text where the problem was found. */
    public int column() {
        return column;
    }

    /** The condition text. */
    public String text() {
        return text;
    }

    /** The message followed by the condition with a caret under the offending column. */
    public String describe() {
        return getMessage() + " (at character " + column + " of \"" + text + "\")";
    }
}
