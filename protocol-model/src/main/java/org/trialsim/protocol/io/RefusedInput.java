package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;

/**
 * Input that trialsim refuses while parsing (an alias, a tag, an overlong value), with its message in
 * trialsim's words and its place, thrown from inside Jackson's parsing so that it stops at once.
 */
final class RefusedInput extends JsonParseException {
    private static final long serialVersionUID = 1L;

    private final String plainMessage;
    private final transient JsonPointer at;
    private final int line;
    private final int column;

    RefusedInput(JsonParser parser, String message, int line, int column) {
        this(parser, message, JsonPointer.empty(), line, column);
    }

    RefusedInput(JsonParser parser, String message, JsonPointer at, int line, int column) {
        super(parser, message);
        this.plainMessage = message;
        this.at = at;
        this.line = line;
        this.column = column;
    }

    /** The message alone, without Jackson's location suffix. */
    String plainMessage() {
        return plainMessage;
    }

    /** Where in the document, or the empty pointer if it is not known. */
    JsonPointer at() {
        return at;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
