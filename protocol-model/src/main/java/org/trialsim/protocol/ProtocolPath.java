package org.trialsim.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A dotted path to a place in a protocol, as {@code --set} takes it: field names and map keys joined by
 * dots, and list indices as {@code [i]} (e.g. {@code outcomes.curves.low.ratesPerYear[0]}). One home for
 * its reading, shared by the settings of {@code io} and the fitted parameters of {@code validation}.
 */
public final class ProtocolPath {
    private ProtocolPath() {
    }

    /**
     * The path's segments: field names, and list indices as "[i]"; empty for an empty path.
     *
     * @throws IllegalArgumentException with a plain message if a '[' is not closed
     */
    public static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.') {
                add(segments, current);
            } else if (c == '[') {
                add(segments, current);
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("in '" + path + "', a '[' is not closed");
                }
                segments.add(path.substring(i, end + 1));
                i = end;
            } else {
                current.append(c);
            }
        }
        add(segments, current);
        return segments;
    }

    private static void add(List<String> segments, StringBuilder current) {
        if (current.length() > 0) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }
}
