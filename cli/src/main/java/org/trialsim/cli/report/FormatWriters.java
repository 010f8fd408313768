package org.trialsim.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One report's formats, each mapped to its writer: the registration a new format adds to a report
 * (an HTML writer is one class and one entry here per report).
 *
 * <p>Each report builds its map in a nested class of its own, so that the map (whose method
 * references cost about a millisecond each to make) is made when that report is first written, not
 * every time a command line is built: picocli builds every command, and each command's --format reads
 * its report's {@code FORMATS}, a plain set. The set and the map must name the same formats; the
 * constructor checks it.
 *
 * @param <R> the report
 */
final class FormatWriters<R extends Report> {
    /** Writes a report in one format. */
    @FunctionalInterface
    interface FormatWriter<R> {
        void write(R report, Writer out) throws IOException;
    }

    private final Map<Format, FormatWriter<R>> writers;

    /**
     * @param formats the report's declared formats
     * @param writers a writer for each of them
     * @throws IllegalStateException if the two name different formats
     */
    FormatWriters(Set<Format> formats, Map<Format, FormatWriter<R>> writers) {
        this.writers = Collections.unmodifiableMap(new EnumMap<>(writers));
        if (!formats.equals(this.writers.keySet())) {
            throw new IllegalStateException("a report declares the formats " + formats + " but has writers for " + this.writers.keySet());
        }
    }

    /** Writes the report in the format with its writer. */
    void write(R report, Format format, Writer out) throws IOException {
        FormatWriter<R> writer = writers.get(format);
        if (writer == null) {
            throw new IllegalArgumentException(report.getClass().getSimpleName() + " is written as " + Format.list(writers.keySet())
                    + ", not " + format.id());
        }
        writer.write(report, out);
    }
}
