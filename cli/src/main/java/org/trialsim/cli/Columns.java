package org.trialsim.cli;

/** Fitting text into the fixed-width columns of the tables a person reads. */
final class Columns {
    private Columns() {
    }

    /** The text, cut to the width with an ellipsis when longer. */
    static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** The text left-aligned in the width (longer text is kept whole). */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** The text right-aligned in the width; longer text keeps one space before it. */
    static String right(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }
}
