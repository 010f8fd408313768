package org.trialsim.cli.report;

import java.util.ArrayList;
import java.util.List;

/** Fitting text into the fixed-width columns and lines of the text reports. */
final class Layout {
    private Layout() {
    }

    /** The text left-aligned in the width (longer text is kept whole). */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * The text right-aligned in a column of the width that follows another; longer text keeps one space
     * before it, so that two columns never run together (the cohort and trial tables).
     */
    static String right(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }

    /**
     * The text right-aligned in the width; longer text is kept whole with no space before it. The
     * escalation table's columns, whose cells are narrower than its columns.
     */
    static String flushRight(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** The text, cut to the width with an ellipsis when longer. */
    static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** The words of the text (separated by single spaces) in lines of at most the width; a longer word has a line of its own. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    /**
     * Parts joined by the separator after a start, in lines of at most the width, each further line
     * starting with the continuation; a part is never split, and the first stays on the first line.
     */
    static List<String> wrapParts(String start, List<String> parts, String separator, String continuation, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder(start);
        boolean first = true;
        for (String part : parts) {
            String piece = first ? part : separator + part;
            if (!first && current.length() + piece.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(continuation).append(part);
            } else {
                current.append(piece);
            }
            first = false;
        }
        lines.add(current.toString());
        return lines;
    }
}
