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

    /** The words of the text in lines of at most the width (a longer word has a line of its own). */
    static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
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

    /** The text right-aligned in the width; longer text keeps one space before it. */
    static String right(String s, int width) {
        return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
    }
}
