package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses overlong texts, names (the keys of mappings) and numbers as the parser meets them, before they are decoded,
 * copied into the tree or bound, with a message that says which bound was passed. Both formats pass
 * through it, so that YAML (whose numbers Jackson checks only when it decodes them) and JSON get the
 * same bounds in the same words; Jackson's own bounds are set above these and only back them up.
 */
final class LengthGuard {
    /** A number as YAML or JSON may write it, digit separators included (possessive: linear on long texts). */
    private static final Pattern NUMBER = Pattern.compile("[-+]?+[0-9_]*+(\\.[0-9_]*+)?+([eE][-+]?+[0-9]++)?+");

    private LengthGuard() {
    }

    static JsonParser guard(JsonParser parser, Limits limits) {
        return new JsonParserDelegate(parser) {
            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken token = super.nextToken();
                if (token == JsonToken.FIELD_NAME) {
                    int length = currentName().length();
                    if (length > limits.maxNameLength()) {
                        // the pointer of the mapping that holds the name: the name itself is too long to show
                        throw refused(this, getParsingContext().pathAsPointer().head(), "this name is " + count(length)
                                + " characters long; a field name or id in a protocol file may be at most "
                                + limits.maxNameLength() + " characters");
                    }
                } else if (token == JsonToken.VALUE_STRING) {
                    int length = getTextLength();
                    if (length > limits.maxNumberLength() && length <= limits.maxTextLength() && NUMBER.matcher(getText()).matches()) {
                        // YAML reads a long run of digits as a text, which binding would turn into a number
                        throw tooLongNumber(this, length, limits);
                    }
                    if (length > limits.maxTextLength()) {
                        throw refused(this, getParsingContext().pathAsPointer(), "this text is " + count(length)
                                + " characters long; a single value in a protocol file may be at most " + count(limits.maxTextLength())
                                + " characters (" + ProtocolReader.bytes(limits.maxTextLength()) + ")");
                    }
                } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    int length = getTextLength();
                    if (length > limits.maxNumberLength()) {
                        throw tooLongNumber(this, length, limits);
                    }
                }
                return token;
            }

            /** Through {@link #nextToken()}, which the delegate's own would skip. */
            @Override
            public JsonToken nextValue() throws IOException {
                JsonToken token = nextToken();
                return token == JsonToken.FIELD_NAME ? nextToken() : token;
            }
        };
    }

    private static RefusedInput tooLongNumber(JsonParser parser, int length, Limits limits) {
        return refused(parser, parser.getParsingContext().pathAsPointer(), "this number is " + count(length)
                + " characters long; a number in a protocol file may be at most " + limits.maxNumberLength()
                + " characters (a number needs no more than 17 significant digits and an exponent)");
    }

    private static RefusedInput refused(JsonParser parser, JsonPointer at, String message) {
        JsonLocation where = parser.currentTokenLocation();
        return new RefusedInput(parser, message, at == null ? JsonPointer.empty() : at,
                Math.max(0, where.getLineNr()), Math.max(0, where.getColumnNr()));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
