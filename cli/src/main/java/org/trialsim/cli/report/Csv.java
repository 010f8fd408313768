package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import org.trialsim.protocol.ControlCharacters;

/** The one CSV writer: rows of fields with RFC 4180 quoting, numbers as {@link Numbers#csv} writes them, missing values empty. */
final class Csv {
    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write('\n');
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? Numbers.csv(d) : "";
        }
        // a control character in a protocol's text would reach whoever views the file raw
        String s = ControlCharacters.visible(value.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
