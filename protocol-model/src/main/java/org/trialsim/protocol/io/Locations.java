package org.trialsim.protocol.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field and list element of a document stands in its file, keyed by JSON pointer, so that
 * a problem found later (on the bound model) can still name its line and column.
 */
final class Locations {
    /** A 1-based line and column. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    /** What makes a parser of the document again, for {@link #whenAsked}. */
    interface Source {
        /** A parser of the document, or null if there is none. */
        JsonParser parser() throws IOException;
    }

    private final Map<String, Position> positions = new HashMap<>();
    /** The document whose positions are still to be recorded, when first asked for; null once they are, or if they are recorded as read. */
    private Source unread;

    /** Locations recorded as a parser made by {@link #recording} reads the document. */
    Locations() {
    }

    /**
     * Locations found only when first asked for, by reading the source's document to its end with a
     * recording parser: the same positions, at no cost to a document of which none is asked (a file
     * without problems). The source must read as it read before, and did: problems are found after
     * the whole document was read.
     */
    static Locations whenAsked(Source source) {
        Locations locations = new Locations();
        locations.unread = source;
        return locations;
    }

    /** A parser that records the position of every field name and list element it reads. */
    JsonParser recording(JsonParser parser) {
        return new JsonParserDelegate(parser) {
            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken token = super.nextToken();
                if (token == null || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    return token;
                }
                if (positions.isEmpty()) {
                    record("", currentTokenLocation());
                }
                // a new mapping or list opens its own context; the value stands in the enclosing one
                JsonStreamContext standsIn = token.isStructStart() ? getParsingContext().getParent() : getParsingContext();
                if (token == JsonToken.FIELD_NAME || standsIn != null && standsIn.inArray()) {
                    record(getParsingContext().pathAsPointer().toString(), currentTokenLocation());
                }
                return token;
            }
        };
    }

    private void readAll() {
        Source source = unread;
        unread = null;
        try {
            JsonParser parser = source.parser();
            if (parser != null) {
                try (JsonParser recording = recording(parser)) {
                    while (recording.nextToken() != null) {
                        // each token records its position
                    }
                }
            }
        } catch (IOException e) {
            // the document was read whole before; the positions recorded up to here stand
        }
    }

    private void record(String pointer, JsonLocation location) {
        positions.putIfAbsent(pointer, new Position(location.getLineNr(), location.getColumnNr()));
    }

    /** The position of the pointer, or of its nearest ancestor that has one. */
    Position find(JsonPointer pointer) {
        if (unread != null) {
            readAll();
        }
        JsonPointer p = pointer;
        while (p != null) {
            Position position = positions.get(p.toString());
            if (position != null) {
                return position;
            }
            p = p.head();
        }
        return positions.getOrDefault("", Position.UNKNOWN);
    }
}
