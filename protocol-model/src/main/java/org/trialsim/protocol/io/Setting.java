package org.trialsim.protocol.io;

import java.util.List;
import org.trialsim.protocol.ProtocolPath;

/**
 * A change to a protocol made from the command line, {@code path=value}, applied to the file before it
 * is validated: e.g. {@code design.analysis.events=120} or
 * {@code pathway.nodes.b-blina1.mrdResponse.log10Shift=-3}. The path is dotted, with {@code [i]} for
 * list elements; the value is YAML ({@code 0.3}, {@code true}, {@code text}, {@code [1, 2]},
 * {@code {a: 1}}), and {@code null} removes the field.
 *
 * @param path  the dotted path
 * @param value the value, as YAML text
 */
public record Setting(String path, String value) {

    /**
     * Parses {@code path=value}.
     *
     * @throws IllegalArgumentException with a plain message if the text has no '=' or an empty path
     */
    public static Setting parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not path=value, e.g. design.analysis.events=120");
        }
        return new Setting(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    /** The path's segments: field names, and list indices as "[i]" ({@link ProtocolPath}). */
    List<String> segments() {
        if (ProtocolPath.segments(path).isEmpty()) {
            throw new IllegalArgumentException("the path of '" + path + "=" + value + "' is empty");
        }
        return ProtocolPath.segments(path);
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
