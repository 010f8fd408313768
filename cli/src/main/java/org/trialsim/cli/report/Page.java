package org.trialsim.cli.report;

import java.util.List;
import org.trialsim.protocol.ControlCharacters;

/**
 * A text report written line by line. Every line goes through {@link ControlCharacters#visible}, so
 * that a protocol's titles, labels and conditions, which are whatever their author typed, are shown
 * and never act on the reader's terminal; the line breaks between lines are the page's own.
 */
final class Page {
    private static final String NL = System.lineSeparator();

    private final StringBuilder text = new StringBuilder();

    /** Adds a line, its control characters made visible. */
    void line(String s) {
        text.append(ControlCharacters.visible(s)).append(NL);
    }

    /** Adds an empty line. */
    void blank() {
        text.append(NL);
    }

    /** Adds the text's words in lines of at most the width ({@link Layout#wrap}). */
    void wrapped(String s, int width) {
        wrapped(s, width, "", "");
    }

    /** Adds the text's words in lines of at most the width, the first line indented by one text, the others by another. */
    void wrapped(String s, int width, String firstIndent, String restIndent) {
        List<String> lines = Layout.wrap(s, width);
        for (int i = 0; i < lines.size(); i++) {
            line((i == 0 ? firstIndent : restIndent) + lines.get(i));
        }
    }

    /** Adds text that is already a page (another report's table). */
    void append(String page) {
        text.append(page);
    }

    /** The page so far. */
    String text() {
        return text.toString();
    }
}
