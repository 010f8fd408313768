package org.trialsim.protocol;

/**
 * Makes control characters visible in text meant for a terminal or a text file. A protocol's titles,
 * labels and conditions, and the file names and values quoted in messages, are whatever their author
 * typed; written raw, an escape sequence in one ({@code ESC[31m}, a cursor move, a bell, a backspace)
 * would act on the reader's terminal instead of being read. This is the one place where such text is
 * made safe: every text writer and every problem message passes user text through {@link #visible}.
 * JSON output needs nothing from here: Jackson writes control characters as escapes already.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /**
     * The text with every control character (C0, DEL and C1) written as an escape: {@code \n}, {@code \r}
     * and {@code \t} as such, the others as {@code \u001b} and the like. Other text is returned as it is.
     * Meant for one value or one line: the layout of a table (its own line breaks) is added around it.
     *
     * @param text a text, or null
     * @return the text with its control characters visible, or null for null
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append("\\u").append(Character.forDigit(c >> 12 & 0xf, 16)).append(Character.forDigit(c >> 8 & 0xf, 16))
                        .append(Character.forDigit(c >> 4 & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return sb.toString();
    }

    /** Whether the character is a control character: C0 (U+0000 to U+001F), DEL (U+007F) or C1 (U+0080 to U+009F). */
    public static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }
}
