package org.trialsim.cli.report.html;

/**
 * The one escaping of text into HTML and SVG, and the one way numbers are written into them. Every
 * text that reaches a page (a protocol's title, labels, descriptions, sources; an option's value; a
 * number) goes through {@link #escape}, in element content and in quoted attribute values alike, so a
 * protocol titled {@code <script>alert(1)</script>} is shown as that text and never runs.
 */
public final class Markup {
    private Markup() {
    }

    /**
     * The text with {@code & < > " '} written as character references, and every control character
     * other than tab and line feed (which HTML and XML 1.0 cannot carry, and a terminal would act on)
     * written as the visible {@code U+FFFD}. Safe in element content and in attribute values quoted
     * with either quote; null is written as the empty text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff
                        ? "\ufffd" : null;
            };
            if (replacement != null && s == null) {
                s = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (s != null) {
                if (replacement != null) {
                    s.append(replacement);
                } else {
                    s.append(c);
                }
            }
        }
        return s == null ? text : s.toString();
    }

    /**
     * A coordinate in an SVG drawing: one decimal (trailing ".0" dropped), never "-0" or "NaN" (0
     * instead, for a value that is not finite). Written by hand rather than with String.format, which
     * costs a microsecond a call and a page has tens of thousands of coordinates.
     */
    static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long tenths = Math.round(v * 10);
        if (tenths == 0) {
            return "0";
        }
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }
}
