package org.trialsim.cli.report;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A way of writing a result. Each report says which formats it supports ({@code FORMATS}) and maps
 * each to its writer; {@code --format} accepts exactly the formats of the command's report.
 */
public enum Format {
    /** Text for a person to read, at most 100 columns wide. */
    TABLE,
    /** The full result as indented JSON, with its provenance (docs/cohort-json.md, docs/trial-json.md). */
    JSON,
    /** Long-format CSV, one figure a row, for R, Python or a spreadsheet. */
    CSV,
    /** One self-contained HTML page (inline SVG charts and CSS, no script, nothing fetched) to read, share and print. */
    HTML;

    /** The name a user gives to {@code --format}: table, json, csv, html. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format with this name, in any case, or null if there is none: {@code --format} turns a null
     * into a message listing the command's formats.
     */
    public static Format named(String name) {
        for (Format f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** The formats as a sentence lists them: "table, json or csv". */
    public static String list(Set<Format> formats) {
        List<String> ids = formats.stream().map(Format::id).toList();
        return ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** An unmodifiable set of formats, in the order above (the order help lists them in). */
    static Set<Format> setOf(Format first, Format... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
